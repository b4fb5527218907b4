package vexfs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * /.vexfs/search through a real mount (dim 4, l2): socket-like per-descriptor semantics from the shell and from
 * Java (write then read, pread, lseek(0)+read, two descriptors), EINVAL for bad queries, under=, paths after
 * renames, queries split by the shell; and {@code vexfs search} on the same store while it is mounted.
 */
@Tag("mount")
class SearchFileIT {
    @TempDir
    static Path tmp;
    static MountFixture m;
    static Path search;
    static final int BUDGET = 256 * 1024;

    @BeforeAll
    static void mount() throws Exception {
        // a small budget for bytes held by open descriptors, so that running out of it can be tested cheaply
        m = new MountFixture(tmp).jvmFlags("-Dvexfs.search.maxBufferedBytes=" + BUDGET).mkfs(4, "l2").mount();
        search = m.mnt.resolve(".vexfs/search");
        var r = sh("mkdir d1 d2 d4 && for i in 1 2 3 4 5; do echo f$i > d1/f$i; setfattr -n user.vexfs.vector -v \"$i,0,0,0\" d1/f$i; done"
                + " && for i in 1 2 3; do echo g$i > d2/g$i; setfattr -n user.vexfs.vector -v \"0,$i,0,0\" d2/g$i; done"
                + " && echo r > r && setfattr -n user.vexfs.vector -v 10,10,10,10 r"
                + " && echo x > d4/x && setfattr -n user.vexfs.vector -v 0,0,7,0 d4/x");
        assertEquals(0, r.exit(), r.output());
    }

    @AfterAll
    static void unmount() throws Exception {
        if (m != null) m.close();
    }

    static MountFixture.Result sh(String script) throws Exception {
        return MountFixture.sh("cd '" + m.mnt + "' && " + script);
    }

    static FileChannel open() throws IOException {
        return FileChannel.open(search, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    static void write(FileChannel ch, String q) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(q.getBytes(StandardCharsets.UTF_8));
        while (b.hasRemaining()) ch.write(b);
    }

    /** Reads until EOF at the descriptor's current offset. */
    static String readAll(FileChannel ch) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(1 << 16);
        while (ch.read(b) > 0) {
            // keep reading: the results come in order whatever the offset
        }
        return new String(b.array(), 0, b.position(), StandardCharsets.UTF_8);
    }

    static List<String> paths(String results) {
        List<String> out = new ArrayList<>();
        for (String line : results.split("\n")) {
            if (line.isEmpty()) continue;
            String[] f = line.split("\t");
            assertEquals(3, f.length, "rank<TAB>distance<TAB>path: '" + line + "'");
            assertEquals(out.size() + 1, Integer.parseInt(f[0]), line);
            Float.parseFloat(f[1]);
            out.add(f[2]);
        }
        return out;
    }

    static String query(String q) throws IOException {
        try (FileChannel ch = open()) {
            write(ch, q);
            return readAll(ch);
        }
    }

    @Test
    void shellWritesAQueryAndCatsTheResultsOnOneDescriptor() throws Exception {
        var r = sh("exec 3<>.vexfs/search; echo '1.2,0,0,0' >&3; echo k=3 >&3; cat <&3");
        assertEquals(0, r.exit(), r.output());
        assertEquals(List.of("/d1/f1", "/d1/f2", "/d2/g1"), paths(r.output()));
        assertTrue(r.output().startsWith("1\t0.04"), "rank, squared L2 distance, path: " + r.output());
        var p = sh("exec 3<>.vexfs/search; printf '0,2,0,0\\nk=2\\n' >&3; cat <&3; cat <&3; echo end");
        assertEquals("1\t0.0\t/d2/g2\n2\t1.0\t/d2/g1\nend\n", p.output(), "a second cat at EOF reads nothing");
    }

    @Test
    void resultsAreReadWhateverTheOffsetAndAgainFromZero() throws Exception {
        try (FileChannel ch = open()) {
            write(ch, "4.9,0,0,0\nk=2\n");
            assertTrue(ch.position() > 0);
            String first = readAll(ch);
            assertEquals(List.of("/d1/f5", "/d1/f4"), paths(first));
            assertEquals(-1, ch.read(ByteBuffer.allocate(64)), "EOF once the results are read");
            ByteBuffer p = ByteBuffer.allocate(4096);
            int n = ch.read(p, 0); // pread at 0 starts over
            assertEquals(first, new String(p.array(), 0, n, StandardCharsets.UTF_8));
            ch.position(0); // lseek(0) + read
            assertEquals(first, readAll(ch));
            write(ch, "0,0,6,0\nk=1\n"); // a new write is a new query
            assertEquals(List.of("/d4/x"), paths(readAll(ch)));
        }
    }

    @Test
    void everyDescriptorHasItsOwnQuery() throws Exception {
        try (FileChannel a = open(); FileChannel b = open()) {
            write(a, "1,0,0,0\nk=1\n");
            write(b, "0,1,0,0\nk=1\n");
            assertEquals(List.of("/d2/g1"), paths(readAll(b)));
            assertEquals(List.of("/d1/f1"), paths(readAll(a)));
        }
        // a process that wrote nothing (nor did its parent) reads nothing: results never leak between processes
        assertEquals("", sh("bash -c 'cat .vexfs/search'").output(), "a fresh process has no results");
    }

    @Test
    void echoIntoTheSearchFileThenCatItWorksFromAShell() throws Exception {
        // the shell itself writes (echo is a builtin) and closes; cat, its child, opens anew and reads
        var r = sh("echo '0,0,7,0' > .vexfs/search && cat .vexfs/search");
        assertEquals(0, r.exit(), r.output());
        assertEquals("/d4/x", paths(r.output()).get(0), r.output());
        var bad = sh("echo '1,2' > .vexfs/search; cat .vexfs/search");
        assertTrue(bad.output().contains("# error: EINVAL: bad query vector: expected 4 values, got 2"), bad.output());
        // a second shell (another process) does not see the first one's results
        assertEquals("", sh("bash -c 'cat .vexfs/search'").output());
        // the same process reading on a fresh descriptor gets its own last results (python: write, then read)
        var py = sh("python3 -c \"open('.vexfs/search','w').write('0,3,0,0\\nk=1\\n'); print(open('.vexfs/search').read(), end='')\"");
        assertEquals("1\t0.0\t/d2/g3\n", py.output());
    }

    static byte[] f32(float... v) {
        ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (float f : v) b.putFloat(f);
        return b.array();
    }

    static void writeBytes(FileChannel ch, byte[]... parts) throws IOException {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) all.writeBytes(p);
        ByteBuffer b = ByteBuffer.wrap(all.toByteArray());
        while (b.hasRemaining()) ch.write(b);
    }

    @Test
    void binaryQueriesGiveTheSameResultsAsCsv() throws Exception {
        try (FileChannel ch = open()) {
            // marked form: an @f32 line with options, then exactly 4·dim little-endian float32 bytes
            writeBytes(ch, "@f32 k=2\n".getBytes(StandardCharsets.US_ASCII), f32(0, 2, 0, 0));
            assertEquals(List.of("/d2/g2", "/d2/g1"), paths(readAll(ch)));
            assertEquals(paths(query("0,2,0,0\nk=2\n")), List.of("/d2/g2", "/d2/g1"));
            writeBytes(ch, "@f32 k=1 under=/d1\n".getBytes(StandardCharsets.US_ASCII), f32(0, 0, 7, 0));
            assertEquals(List.of("/d1/f1"), paths(readAll(ch)), "options of the marked form apply");
            // plain form: exactly 4·dim bytes that are not text
            writeBytes(ch, f32(5, 0, 0, 0));
            assertEquals("/d1/f5", paths(readAll(ch)).get(0));
            // bad binary queries: refused with EINVAL and a readable reason, the descriptor stays usable
            IOException nan = assertThrows(IOException.class,
                    () -> writeBytes(ch, "@f32\n".getBytes(StandardCharsets.US_ASCII), f32(Float.NaN, 0, 0, 0)));
            assertTrue(String.valueOf(nan.getMessage()).contains("Invalid argument"), nan.toString());
            assertTrue(readAll(ch).startsWith("# error: EINVAL: bad binary query vector"), "NaN is refused");
            assertThrows(IOException.class,
                    () -> writeBytes(ch, "@f32 k=1\n".getBytes(StandardCharsets.US_ASCII), f32(1, 0, 0, 0, 0)));
            assertTrue(readAll(ch).contains("expected 16 bytes (4 float32)"), "too many bytes");
            assertThrows(IOException.class,
                    () -> writeBytes(ch, "@f32 k=0\n".getBytes(StandardCharsets.US_ASCII), f32(1, 0, 0, 0)));
            writeBytes(ch, "@f32 k=1\n".getBytes(StandardCharsets.US_ASCII), f32(0, 0, 7, 0));
            assertEquals(List.of("/d4/x"), paths(readAll(ch)));
        }
    }

    @Test
    void aRefusedQueryIsReadBackAsAnErrorLineAndLoggedOnce() throws Exception {
        long before = refusals();
        try (FileChannel ch = open()) {
            for (int i = 0; i < 3; i++) {  // a client retrying the same bad query
                assertThrows(IOException.class, () -> write(ch, "1,2,3\n"));
                assertEquals("# error: EINVAL: bad query vector: expected 4 values, got 3\n", readAll(ch));
            }
            write(ch, "5,0,0,0\nk=1\n");
            assertEquals(List.of("/d1/f5"), paths(readAll(ch)), "the descriptor stays usable");
        }
        assertEquals(before + 1, refusals(), "one log line for one bad query, however often it is retried");
    }

    @Test
    void statusSummarisesTheStats() throws Exception {
        query("1,0,0,0\nk=1\n");
        var r = MountFixture.cli("status", m.mnt.toString());
        assertEquals(0, r.exit(), r.output());
        String out = r.output();
        assertTrue(out.contains("VexFS " + vexfs.base.BuildInfo.VERSION + " on " + m.mnt.toAbsolutePath()), out);
        assertTrue(out.matches("(?s).*vectors:  [0-9,]+ \\(dim 4, l2\\).*"), out);
        assertTrue(out.matches("(?s).*searches: [1-9][0-9,]* \\(p50 [0-9.]+ µs.*"), out);
        assertTrue(out.contains("modes:    read-only no"), out);
        var notMounted = MountFixture.cli("status", tmp.toString());
        assertEquals(2, notMounted.exit(), notMounted.output());
        assertTrue(notMounted.output().contains("is not a VexFS mount"), notMounted.output());
    }

    private static long refusals() throws Exception {
        return m.log().lines().filter(l -> l.contains("search query refused")).count();
    }

    @Test
    void badQueriesFailTheWriteWithEinvalAndTheDescriptorStaysUsable() throws Exception {
        String[] bad = {"abc\n", "1,2,3\n", "1,2,3,4,5\n", "NaN,0,0,0\n", "1,inf,0,0\n", "1,,0,0\n", "\n",
                "1,0,0,0\nfoo=1\n", "1,0,0,0\nmetric=cosine\n", "1,0,0,0\nmetric=hamming\n", "1,0,0,0\nk=0\n", "1,0,0,0\nk=-3\n",
                "1,0,0,0\nk=100000000\n", "1,0,0,0\nk=ten\n", "1,0,0,0\nef=0\n", "1,0,0,0\nunder=d1\n",
                "1,0,0,0\nunder=/..\n", "1,0,0,0\nunder=/d1/../../etc\n", "1,0,0,0\nnot an option\n"};
        try (FileChannel ch = open()) {
            for (String q : bad) {
                IOException e = assertThrows(IOException.class, () -> write(ch, q), "accepted: " + q);
                assertTrue(String.valueOf(e.getMessage()).contains("Invalid argument"), q + ": " + e);
                assertTrue(readAll(ch).startsWith("# error: EINVAL: "), "a refused query reads back why: " + q);
            }
            // a query larger than 1 MiB, arriving in kernel-sized pieces, is refused too (here: by the byte budget)
            assertThrows(IOException.class, () -> write(ch, "1,".repeat(1 << 20)));
            write(ch, "5,0,0,0\nk=1\nmetric=l2\n"); // the store's own metric may be named
            assertEquals(List.of("/d1/f5"), paths(readAll(ch)));
            write(ch, "5,0,0,0\nk=1\n");
            assertEquals(List.of("/d1/f5"), paths(readAll(ch)), "the descriptor still works after refusals");
        }
        var r = sh("exec 3<>.vexfs/search; echo '1,2' >&3 || echo refused");
        assertTrue(r.output().contains("Invalid argument") && r.output().contains("refused"), r.output());
        assertTrue(m.daemon().isAlive());
    }

    @Test
    void bytesHeldForDescriptorsAreBoundedAndFreedOnClose() throws Exception {
        try (FileChannel b = open()) {
            try (FileChannel a = open()) {
                write(a, "1".repeat(160 * 1024)); // kept as a fragment (a multiple of 4096, no newline)
                IOException e = assertThrows(IOException.class, () -> write(b, "2".repeat(128 * 1024)));
                assertTrue(String.valueOf(e.getMessage()).contains("Cannot allocate memory"), e.toString());
                assertTrue(Files.readString(m.mnt.resolve(".vexfs/stats")).matches("(?s).*\ncontrol_buffered_bytes +1638\\d\\d\n.*"));
            }
            // close(2) returns before the kernel's RELEASE reaches the daemon: wait for the bytes to be given back
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!Files.readString(m.mnt.resolve(".vexfs/stats")).matches("(?s).*\ncontrol_buffered_bytes +0\n.*")) {
                assertTrue(System.nanoTime() < deadline, "the closed descriptor's bytes were never freed");
                Thread.sleep(10);
            }
            write(b, "2,0,0," + "0".repeat(128 * 1024 - 6)); // the other descriptor was closed: room again
            write(b, "\nk=1\n"); // completes the kept fragment
            assertEquals(List.of("/d1/f2"), paths(readAll(b)));
        }
        assertTrue(m.daemon().isAlive());
    }

    @Test
    void underRestrictsToASubtreeAndKIsCapped() throws Exception {
        assertEquals(List.of("/d2/g1", "/d2/g2", "/d2/g3"), paths(query("0,0,0,0\nk=10\nunder=/d2/\n")));
        assertEquals(List.of(), paths(query("0,0,0,0\nunder=/nonexistent\n")));
        assertEquals(10, paths(query("0,0,0,0\nk=10\nunder=/\n")).size());
        List<String> all = paths(query("0,0,0,0\nk=10000\nef=20\n"));
        assertTrue(all.size() >= 10, "k larger than the store returns every file: " + all);
        assertEquals(all.size(), all.stream().distinct().count(), "once: " + all);
    }

    @Test
    void pathsAreCurrentAfterRenames() throws Exception {
        var r = sh("mkdir -p mv && echo m > mv/file && setfattr -n user.vexfs.vector -v 0,0,0,-5 mv/file");
        assertEquals(0, r.exit(), r.output());
        assertEquals(List.of("/mv/file"), paths(query("0,0,0,-5\nk=1\n")));
        assertEquals(0, sh("mv mv/file mv/renamed && mv mv mv2").exit());
        assertEquals(List.of("/mv2/renamed"), paths(query("0,0,0,-5\nk=1\n")));
        assertEquals(List.of("/mv2/renamed"), paths(query("0,0,0,-5\nk=1\nunder=/mv2\n")));
    }

    @Test
    void longQueriesSplitByTheShellStillWork() throws Exception {
        // each value padded with leading zeros: a 12 KB line, which bash writes in 4096-multiple pieces
        String pad = "0".repeat(3000);
        String q = pad + "3," + pad + "0," + pad + "0," + pad + "0";
        var r = sh("exec 3<>.vexfs/search; echo '" + q + "' >&3; echo k=1 >&3; cat <&3");
        assertEquals("1\t0.0\t/d1/f3\n", r.output());
        try (FileChannel ch = open()) { // a 4096-multiple write without a newline is kept; the read runs it
            String prefix = "0,3,0,";
            write(ch, prefix + "0".repeat(8192 - prefix.length()));
            assertEquals(List.of("/d2/g3"), paths(readAll(ch)).subList(0, 1));
            write(ch, "1,2," + "0".repeat(4096 - 4)); // kept, then turns out to be 3 values: the read says so
            assertEquals("# error: EINVAL: bad query vector: expected 4 values, got 3\n", readAll(ch));
        }
    }

    @Test
    void offlineSearchWhileMountedAnswersLikeTheSearchFile() throws Exception {
        String viaFile = query("1.2,0.1,0,0\nk=4\n");
        var cli = MountFixture.cli("search", m.backing.toString(), "--vector", "1.2,0.1,0,0", "-k", "4", "-v");
        assertEquals(0, cli.exit(), cli.output());
        assertTrue(cli.output().contains(viaFile), cli.output() + " vs " + viaFile);
        var under = MountFixture.cli("search", m.backing.toString(), "--vector", "0,0,0,0", "--under", "/d2", "-k", "9");
        assertEquals(List.of("/d2/g1", "/d2/g2", "/d2/g3"), paths(clean(under.output())));
        // after a sync the graph is clean: the offline search uses it, and says so
        Files.writeString(m.mnt.resolve(".vexfs/control"), "sync\n");
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!Files.readString(m.mnt.resolve(".vexfs/control")).startsWith("sync done") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        var graph = MountFixture.cli("search", m.backing.toString(), "--vector", "1.2,0.1,0,0", "-k", "4", "-v");
        assertTrue(graph.output().contains("HNSW graph"), graph.output());
        assertTrue(graph.output().contains(viaFile), graph.output());
        var bad = MountFixture.cli("search", m.backing.toString(), "--vector", "1,2");
        assertEquals(2, bad.exit(), bad.output());
        assertTrue(bad.output().contains("expected 4 values"), bad.output());
        var outside = MountFixture.cli("search", m.backing.toString(), "--vector", "1,2,3,4", "--under", "/../x");
        assertEquals(2, outside.exit(), outside.output());
        var help = MountFixture.cli("search", "--help");
        assertEquals(0, help.exit());
        assertTrue(help.output().contains("--vector") && help.output().contains("--under"), help.output());
        assertNotEquals(0, MountFixture.cli("search", tmp.resolve("nostore").toString(), "--vector", "1").exit());
    }

    /** CLI output without JVM warnings and -v notes. */
    static String clean(String out) {
        StringBuilder sb = new StringBuilder();
        for (String line : out.split("\n")) if (line.matches("\\d+\t.*")) sb.append(line).append('\n');
        return sb.toString();
    }
}
