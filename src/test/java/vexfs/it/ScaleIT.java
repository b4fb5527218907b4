package vexfs.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Big directories and concurrent writers through the mount; lookup counts return to zero when the kernel forgets. */
@Tag("mount")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScaleIT {
    Path tmp;
    MountFixture m;

    @BeforeAll
    void mount() throws Exception {
        tmp = Files.createTempDirectory("vexfs-scale-it");
        m = new MountFixture(tmp).mkfs(4, "l2").mount();
    }

    @AfterAll
    void unmount() throws Exception {
        if (m != null) m.close();
        MountFixture.sh("rm -rf '" + tmp + "'");
    }

    private long daemonFds() throws Exception {
        try (var s = Files.list(Path.of("/proc", Long.toString(m.daemon().pid()), "fd"))) {
            return s.count();
        }
    }

    @Test
    void threeThousandEntries() throws Exception {
        long fdsBefore = daemonFds();
        Path d = Files.createDirectory(m.mnt.resolve("big"));
        Set<String> made = new HashSet<>();
        for (int i = 0; i < 3000; i++) {
            String n = "entry-" + i + "-" + "x".repeat(i % 40);
            Files.writeString(d.resolve(n), Integer.toString(i));
            made.add(n);
        }
        // readdir (Java) and readdirplus (ls -l) see every entry exactly once
        Set<String> seen = new HashSet<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(d)) {
            for (Path p : s) assertTrue(seen.add(p.getFileName().toString()), "duplicate " + p);
        }
        assertEquals(made, seen);
        var r = MountFixture.sh("ls -l '" + d + "' | tail -n +2 | wc -l; ls -U '" + d + "' | sort | uniq -d | wc -l;"
                + " find '" + d + "' -type f | wc -l; cat '" + d + "'/entry-2999-* ");
        assertEquals("3000\n0\n3000\n2999", r.output().trim(), r.output());
        // entries changed behind the mount's back show up on the next listing
        Files.delete(m.backing.resolve("big").resolve("entry-0-"));
        try (var s = Files.list(d)) {
            assertEquals(2999, s.count());
        }
        // removing while listing: every remaining entry is still listed exactly once
        int removed = 0;
        List<String> listed = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(d)) {
            for (Path p : s) {
                listed.add(p.getFileName().toString());
                if (listed.size() % 2 == 0) {
                    Files.delete(p);
                    removed++;
                }
            }
        }
        assertEquals(listed.size(), new HashSet<>(listed).size());
        try (var s = Files.list(d)) {
            assertEquals(2999 - removed, s.count());
        }
        assertEquals(0, MountFixture.sh("rm -rf '" + d + "'").exit());
        assertTrue(Files.notExists(m.backing.resolve("big")));
        // the kernel forgets what it looked up: our O_PATH descriptors go with it
        MountFixture.sh("sync; echo 2 > /proc/sys/vm/drop_caches");
        long fdsAfter = 0;
        for (int i = 0; i < 50; i++) {
            fdsAfter = daemonFds();
            if (fdsAfter <= fdsBefore + 5) break;
            Thread.sleep(100);
        }
        assertTrue(fdsAfter <= fdsBefore + 5, "daemon holds " + fdsAfter + " fds, had " + fdsBefore);
    }

    @Test
    void eightConcurrentWriters() throws Exception {
        Path d = Files.createDirectory(m.mnt.resolve("writers"));
        Path shared = d.resolve("shared");
        int writers = 8;
        int chunk = 64 * 1024;
        int chunksEach = 32;  // 2 MiB per writer in its own file, and 2 MiB each in a shared file
        try (FileChannel ch = FileChannel.open(shared, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            ch.truncate(0);
        }
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<byte[]>> own = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int id = w;
            own.add(pool.submit(() -> {
                SplittableRandom rnd = new SplittableRandom(id);
                MessageDigest md = MessageDigest.getInstance("SHA-256");
                Path f = d.resolve("w" + id);
                try (FileChannel mine = FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                     FileChannel sh = FileChannel.open(shared, StandardOpenOption.WRITE)) {
                    for (int c = 0; c < chunksEach; c++) {
                        byte[] b = new byte[chunk];
                        rnd.nextBytes(b);
                        md.update(b);
                        // sequential writes of random sizes to its own file...
                        ByteBuffer bb = ByteBuffer.wrap(b);
                        while (bb.hasRemaining()) {
                            int n = Math.min(bb.remaining(), 1 + rnd.nextInt(20_000));
                            ByteBuffer part = bb.slice(bb.position(), n);
                            while (part.hasRemaining()) mine.write(part);
                            bb.position(bb.position() + n);
                        }
                        // ...and interleaved positional writes to its stripes of the shared file
                        long pos = ((long) c * writers + id) * chunk;
                        ByteBuffer s = ByteBuffer.wrap(b);
                        while (s.hasRemaining()) pos += sh.write(s, pos);
                    }
                    mine.force(false);
                }
                return md.digest();
            }));
        }
        List<byte[]> digests = new ArrayList<>();
        for (Future<byte[]> f : own) digests.add(f.get());
        pool.shutdown();
        byte[] whole = Files.readAllBytes(m.backing.resolve("writers/shared"));
        assertEquals((long) writers * chunksEach * chunk, whole.length);
        for (int w = 0; w < writers; w++) {
            byte[] viaBacking = sha(Files.readAllBytes(m.backing.resolve("writers/w" + w)));
            byte[] viaMount = sha(Files.readAllBytes(d.resolve("w" + w)));
            assertArrayEquals(digests.get(w), viaBacking, "writer " + w + " (backing)");
            assertArrayEquals(digests.get(w), viaMount, "writer " + w + " (mount)");
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (int c = 0; c < chunksEach; c++) md.update(whole, ((c * writers) + w) * chunk, chunk);
            assertArrayEquals(digests.get(w), md.digest(), "stripes of writer " + w + " in the shared file: "
                    + HexFormat.of().formatHex(digests.get(w)));
        }
    }

    private static byte[] sha(byte[] b) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(b);
    }
}
