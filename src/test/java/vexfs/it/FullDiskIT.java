package vexfs.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vexfs.it.ResourceFaultsIT.errnoOf;
import static vexfs.it.ResourceFaultsIT.retry;
import static vexfs.it.ResourceFaultsIT.vector;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full backing filesystem is an ordinary condition (issue 15, deliverables 2 and 3), stepwise on a 64 MiB tmpfs
 * with 4,096 inodes that the test mounts under its own temp dir: fill it (blocks with {@code dd}, then inodes),
 * try every operation through the mount with real system calls and shell tools, check each errno, free the space
 * through the mount, try again without a remount; then the mount's own start-up on a full disk. While full:
 * create, mkdir, write and setxattr (the store must grow: many vectors) give ENOSPC, never EIO, and change nothing;
 * unlink, rmdir, truncate, rename, removexattr, read, stat, listing and search work; the daemon logs one line for
 * the episode and no stack trace. Then the mount's start-up on a full disk, with its graph and without (the graph must
 * be built: the mount refuses saying why, or comes up). Takes ~35 s.
 */
@Tag("mount")
class FullDiskIT {
    private static final int DIM = ResourceFaultsIT.DIM;
    private static final int EARLY = 200;
    private static final int SPARE = 300;
    /**
     * Where the files that get vectors on the full disk live: a long name makes their path hints (kept in scratch
     * memory) spill into table pages not touched before the disk filled up (a sparse scratch file faulted there).
     */
    private static final String SPARE_DIR = "spare-files-whose-long-directory-name-makes-path-hints-spill-over";

    @TempDir
    Path tmp;

    private final Random rnd = new Random(15);
    /** Acknowledged vectors by mount path ("/name"). */
    private final Map<String, float[]> vectors = new HashMap<>();
    private final Map<String, byte[]> data = new HashMap<>();

    @Test
    void fullDiskIsAnOrdinaryCondition() throws Exception {
        Path backing = Files.createDirectories(tmp.resolve("backing"));
        assertEquals(0, MountFixture.sh("mount -t tmpfs -o size=64m,nr_inodes=4096 vexfs-full '" + backing + "'").exit());
        MountFixture m = new MountFixture(tmp);
        try {
            m.mkfs(DIM, "l2").mount();
            Path mnt = m.mnt;
            for (int i = 0; i < EARLY; i++) {
                byte[] b = new byte[5_000 + i];
                rnd.nextBytes(b);
                Files.write(mnt.resolve("keep" + i), b);
                data.put("/keep" + i, b);
                setAcked(mnt, "keep" + i, vector(rnd));
            }
            Files.createDirectory(mnt.resolve(SPARE_DIR));
            for (int i = 0; i < SPARE; i++) Files.write(mnt.resolve(spare(i)), new byte[0]);
            Files.createDirectories(mnt.resolve("d"));
            Files.writeString(mnt.resolve("d/x"), "x");

            // ---- fill: blocks with dd through the mount, then inodes with empty files
            var dd = MountFixture.sh("dd if=/dev/zero of='" + mnt.resolve("filler") + "' bs=1M 2>&1");
            assertTrue(dd.output().contains("No space left on device"), dd.output());
            // ---- blocks full. Many vectors: the store (and graph) must grow, which the full disk refuses
            int ok = 0, refused = 0;
            for (int i = 0; i < SPARE && refused < 20; i++) {
                String name = spare(i);
                float[] v = vector(rnd);
                try {
                    setVector(mnt.resolve(name), v);
                    vectors.put("/" + name, v);
                    ok++;
                } catch (IOException e) {
                    assertEquals("ENOSPC", errnoOf(e), "setxattr on a full disk: " + e + "\n" + tail(m));
                    assertNull(CrashWriter.readVector(mnt.resolve(name), DIM), name + ": a refused setxattr left a vector");
                    refused++;
                }
            }
            System.out.println("full disk: " + ok + " vectors set, " + refused + " refused with ENOSPC");
            assertTrue(refused >= 20, "the store never needed to grow: " + ok + " set");
            // replacing a vector needs a new slot too (copy-on-write): ENOSPC keeps the old one
            float[] replacement = vector(rnd);
            try {
                setVector(mnt.resolve("keep7"), replacement);
                vectors.put("/keep7", replacement);
            } catch (IOException e) {
                assertEquals("ENOSPC", errnoOf(e), e.toString());
            }
            assertArrayEquals(vectors.get("/keep7"), CrashWriter.readVector(mnt.resolve("keep7"), DIM));

            // ---- then the inodes (on tmpfs, user xattrs are charged to the inode space too)
            Files.createDirectories(mnt.resolve("inodes"));
            int inodes = 0;
            String why = null;
            for (; inodes < 5_000 && why == null; inodes++) {
                try {
                    Files.createFile(mnt.resolve("inodes/i" + inodes));
                } catch (IOException e) {
                    why = errnoOf(e);
                }
            }
            assertEquals("ENOSPC", why, "creating files until the inodes run out: " + m.log());
            System.out.println("full disk: 64 MiB filled, then " + inodes + " inodes");
            // a vector xattr now finds no room either (the few that still fit are acknowledged)
            boolean xattrRefused = false;
            for (int i = SPARE - 1; i >= SPARE - 50 && !xattrRefused; i--) {
                Path f = mnt.resolve(spare(i));
                float[] v = vector(rnd);
                try {
                    setVector(f, v);
                    vectors.put("/" + spare(i), v);
                } catch (IOException e) {
                    assertEquals("ENOSPC", errnoOf(e), "setxattr with no inodes left: " + e);
                    assertNull(CrashWriter.readVector(f, DIM), f + ": a refused setxattr left a vector");
                    xattrRefused = true;
                }
            }
            assertTrue(xattrRefused, "50 vector xattrs fitted after the inodes ran out");

            // ---- what needs room: ENOSPC, nothing changed
            expectEnospc("create", () -> Files.createFile(mnt.resolve("new-file")));
            assertFalse(Files.exists(mnt.resolve("new-file")), "a refused create left a file");
            var touch = MountFixture.sh("touch '" + mnt.resolve("new-touch") + "'");
            assertTrue(touch.exit() != 0 && touch.output().contains("No space left on device"), touch.output());
            assertFalse(Files.exists(mnt.resolve("new-touch")));
            expectEnospc("mkdir", () -> Files.createDirectory(mnt.resolve("new-dir")));
            assertFalse(Files.exists(mnt.resolve("new-dir")), "a refused mkdir left a directory");
            var append = MountFixture.sh("dd if=/dev/zero of='" + mnt.resolve("keep5") + "' bs=64k count=16 "
                    + "oflag=append conv=notrunc 2>&1");
            assertTrue(append.exit() != 0 && append.output().contains("No space left on device"), append.output());
            byte[] k5 = Files.readAllBytes(mnt.resolve("keep5"));
            assertArrayEquals(data.get("/keep5"), java.util.Arrays.copyOf(k5, data.get("/keep5").length));
            // a short write, then ENOSPC (pages that failed allocations gave back may take a few KiB)
            assertTrue(k5.length < data.get("/keep5").length + (1 << 20), "1 MiB appended on a full disk: " + k5.length);
            Files.write(mnt.resolve("keep5"), data.get("/keep5")); // back as it was (fits its pages)
            // ---- what needs no room works: read, stat, listing, search, rename, removexattr, unlink, rmdir, truncate
            checkAll(m);
            var stat = MountFixture.sh("stat -c %s '" + mnt.resolve("keep3") + "'");
            assertEquals(0, stat.exit(), stat.output());
            assertEquals(Integer.toString(data.get("/keep3").length), stat.output().trim());
            var ls = MountFixture.sh("ls '" + mnt + "' | wc -l");
            assertEquals(0, ls.exit(), ls.output());
            assertEquals(EARLY + 4, Integer.parseInt(ls.output().trim()), "keep*, the spare dir, d, filler, inodes");
            var lsSpare = MountFixture.sh("ls '" + mnt.resolve(SPARE_DIR) + "' | wc -l");
            assertEquals(Integer.toString(SPARE), lsSpare.output().trim());
            assertEquals(0, MountFixture.sh("mv '" + mnt.resolve("keep2") + "' '" + mnt.resolve("keep2b") + "'").exit());
            assertFalse(Files.exists(mnt.resolve("keep2")));
            moved("/keep2", "/keep2b");
            assertArrayEquals(vectors.get("/keep2b"), CrashWriter.readVector(mnt.resolve("keep2b"), DIM));
            Files.getFileAttributeView(mnt.resolve("keep4"), UserDefinedFileAttributeView.class).delete("vexfs.vector");
            vectors.remove("/keep4");
            assertNull(CrashWriter.readVector(mnt.resolve("keep4"), DIM));
            assertEquals(0, MountFixture.sh("rm '" + mnt.resolve("keep6") + "'").exit());
            assertFalse(Files.exists(mnt.resolve("keep6")));
            vectors.remove("/keep6");
            data.remove("/keep6");
            assertEquals(0, MountFixture.sh("rm '" + mnt.resolve("d/x") + "' && rmdir '" + mnt.resolve("d") + "'").exit());
            assertFalse(Files.exists(mnt.resolve("d")));
            var truncate = MountFixture.sh("truncate -s 100 '" + mnt.resolve("keep8") + "'");
            assertEquals(0, truncate.exit(), truncate.output());
            data.put("/keep8", java.util.Arrays.copyOf(data.get("/keep8"), 100));
            checkAll(m);
            assertTrue(m.daemon().isAlive(), m.log());

            // ---- free the space through the mount: everything works again, without a remount
            var rm = MountFixture.sh("rm -r '" + mnt.resolve("filler") + "' '" + mnt.resolve("inodes") + "'");
            assertEquals(0, rm.exit(), rm.output());
            retry(() -> Files.writeString(mnt.resolve("new-file"), "new")); // the space comes back at FORGET
            data.put("/new-file", "new".getBytes());
            Files.createDirectory(mnt.resolve("new-dir"));
            Files.write(mnt.resolve("new-dir/f"), new byte[1 << 20]);
            data.put("/new-dir/f", new byte[1 << 20]);
            for (int i = 0; i < SPARE; i++) {
                String name = spare(i);
                if (vectors.containsKey("/" + name)) continue;
                float[] v = vector(rnd);
                retry(() -> setVector(mnt.resolve(name), v));
                vectors.put("/" + name, v);
            }
            setAcked(mnt, "keep7", vector(rnd));
            checkAll(m);
            String log = m.log();
            assertEquals(1, count(log, "the backing filesystem is full"), log);
            assertTrue(log.contains("the backing filesystem has room again"), log);
            assertFalse(log.contains("\tat ") || log.contains("InternalError") || log.contains("unexpected"), log);
            m.close();
            assertEquals(0, m.daemonExit(), m.log());
            var verify = MountFixture.cli("verify", backing.toString());
            assertEquals(0, verify.exit(), verify.output());

            // ---- the mount's own start-up on a full disk: it comes up, reads and searches; what needs room is ENOSPC
            dd = MountFixture.sh("dd if=/dev/zero of='" + backing.resolve("filler2") + "' bs=1M 2>&1");
            assertTrue(dd.output().contains("No space left on device"), dd.output());
            m.mount();
            checkAll(m);
            Path extra = mnt.resolve("extra");
            try {
                for (int i = 0; i < 2_000; i++) {
                    if (i == 0) Files.write(extra, new byte[0]);
                    Path f = Files.write(mnt.resolve("more" + i), new byte[0]);
                    float[] v = vector(rnd);
                    setVector(f, v);
                    vectors.put("/more" + i, v);
                }
            } catch (IOException e) {
                assertEquals("ENOSPC", errnoOf(e), e + "\n" + tail(m));
            }
            checkAll(m);
            assertEquals(0, MountFixture.sh("rm '" + mnt.resolve("filler2") + "'").exit());
            retry(() -> setVector(extra, new float[DIM]));
            vectors.put("/extra", new float[DIM]);
            checkAll(m);
            m.close();
            assertEquals(0, m.daemonExit(), m.log());

            // ---- start-up on a full disk without a graph (it must be built, which needs room): the mount either
            // fails saying why, leaving no half graph, or comes up and answers search exactly
            Files.delete(backing.resolve(".vexfs/graph.vxg"));
            Files.delete(backing.resolve(".vexfs/graph.vxg.upper"));
            dd = MountFixture.sh("dd if=/dev/zero of='" + backing.resolve("filler3") + "' bs=1M 2>&1");
            assertTrue(dd.output().contains("No space left on device"), dd.output());
            int logBefore = m.log().length();
            try {
                m.mount();
                checkAll(m);
                m.close();
                System.out.println("full disk, no graph: mounted");
            } catch (IOException e) {
                String said = m.log().substring(logBefore);
                String refusal = said.lines().filter(l -> l.startsWith("vexfs mount:")).findFirst().orElse(said);
                assertTrue(refusal.contains("No space left on device") && !said.contains("\tat "), said);
                assertFalse(Files.exists(backing.resolve(".vexfs/graph.vxg")), "a half graph was left behind");
                System.out.println("full disk, no graph: the mount refused: " + refusal);
            }
            Files.delete(backing.resolve("filler3"));
            m.mount();
            checkAll(m);
            m.close();
            assertEquals(0, m.daemonExit(), m.log());
        } finally {
            m.close();
            MountFixture.sh("umount '" + backing + "' || umount -l '" + backing + "'");
        }
    }

    private static String spare(int i) {
        return SPARE_DIR + "/spare" + i;
    }

    private void setAcked(Path mnt, String name, float[] v) throws IOException {
        setVector(mnt.resolve(name), v);
        vectors.put("/" + name, v);
    }

    private void moved(String from, String to) {
        vectors.put(to, vectors.remove(from));
        data.put(to, data.remove(from));
    }

    private static void setVector(Path f, float[] v) throws IOException {
        Files.getFileAttributeView(f, UserDefinedFileAttributeView.class)
                .write("vexfs.vector.f32", ByteBuffer.wrap(CrashWriter.f32(v)));
    }

    interface Step {
        void run() throws IOException;
    }

    private static void expectEnospc(String what, Step step) {
        try {
            step.run();
        } catch (IOException e) {
            assertEquals("ENOSPC", errnoOf(e), what + ": " + e);
            return;
        }
        throw new AssertionError(what + " succeeded on a full disk");
    }

    /** Every acknowledged byte and vector reads back, and search gives the exact top 10 for three queries. */
    private void checkAll(MountFixture m) throws Exception {
        for (var e : data.entrySet()) {
            assertArrayEquals(e.getValue(), Files.readAllBytes(m.mnt.resolve(e.getKey().substring(1))), e.getKey());
        }
        for (var e : vectors.entrySet()) {
            assertArrayEquals(e.getValue(), CrashWriter.readVector(m.mnt.resolve(e.getKey().substring(1)), DIM), e.getKey());
        }
        Random q = new Random(vectors.size());
        for (int i = 0; i < 3; i++) {
            float[] query = vector(q);
            List<String> got = SearchProbe.paths(SearchProbe.query(m.mnt, CrashWriter.csv(query) + "\nk=10\nef=1000\n"));
            assertNull(SearchProbe.disagreement(vectors, query, 10, got), "search on " + vectors.size() + " vectors");
        }
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + 1)) n++;
        return n;
    }

    private static String tail(MountFixture m) {
        String log = m.log();
        return log.substring(Math.max(0, log.length() - 4000));
    }
}
