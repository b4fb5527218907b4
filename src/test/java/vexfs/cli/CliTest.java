package vexfs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vexfs.base.Metric;
import vexfs.store.VectorStore;

/** The commands through {@link Main#run} (no mount): exit codes and messages of mkfs, verify, inspect, --help. */
class CliTest {
    @TempDir
    Path dir;

    record Out(int exit, String out, String err) {}

    static Out run(String... args) {
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int rc = Main.run(args);
            return new Out(rc, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void mkfsCreatesAStoreWithDimAndMetric() throws Exception {
        Out r = run("mkfs", "--dim", "8", "--metric", "cosine", dir.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("dim 8, metric cosine"), r.out());
        try (VectorStore s = VectorStore.open(dir.resolve(".vexfs"), true)) {
            assertEquals(8, s.dimension());
            assertEquals(Metric.COSINE, s.metric());
        }
    }

    @Test
    void mkfsKeepsTheHnswParametersInTheStoreAndRefusesBadOnes() throws Exception {
        for (String[] bad : new String[][] {{"--m", "1"}, {"--m", "513"}, {"--ef-construction", "0"}, {"--ef", "10001"}}) {
            Out r = run("mkfs", "--dim", "8", bad[0], bad[1], dir.toString());
            assertEquals(2, r.exit(), String.join(" ", bad) + ": " + r.err());
            assertTrue(r.err().contains("must be between"), r.err());
            assertFalse(Files.exists(dir.resolve(".vexfs/vectors.vxv")), "nothing created for " + String.join(" ", bad));
        }
        Out r = run("mkfs", "--dim", "8", "--m", "24", "--ef-construction", "300", "--ef", "90", dir.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("HNSW m=24 ef-construction=300 ef=90"), r.out());
        try (VectorStore s = VectorStore.open(dir.resolve(".vexfs"), true)) {
            assertEquals(new vexfs.base.GraphSettings(24, 300, 90), s.graphSettings());
        }
    }

    @Test
    void mkfsRefusesDimensionsOutOfRangeWithExit2() {
        for (String dim : new String[] {"0", "-1", "4097", "100000"}) {
            Out r = run("mkfs", "--dim", dim, dir.toString());
            assertEquals(2, r.exit(), dim + ": " + r.err());
            assertTrue(r.err().contains("out of range: must be between 1 and 4096"), r.err());
            assertFalse(Files.exists(dir.resolve(".vexfs/vectors.vxv")), "nothing created for dim " + dim);
        }
        Out r = run("mkfs", "--dim", "4096", dir.toString());
        assertEquals(0, r.exit(), r.err());
    }

    @Test
    void mkfsRefusesAnExistingStoreUnlessForced() throws Exception {
        assertEquals(0, run("mkfs", "--dim", "4", dir.toString()).exit());
        Out again = run("mkfs", "--dim", "5", dir.toString());
        assertEquals(2, again.exit());
        assertTrue(again.err().contains("already exists") && again.err().contains("--force"), again.err());
        try (VectorStore s = VectorStore.open(dir.resolve(".vexfs"), true)) {
            assertEquals(4, s.dimension(), "the refused mkfs left the old store alone");
        }
        Out forced = run("mkfs", "--dim", "5", "--force", dir.toString());
        assertEquals(0, forced.exit(), forced.err());
        try (VectorStore s = VectorStore.open(dir.resolve(".vexfs"), true)) {
            assertEquals(5, s.dimension());
        }
    }

    @Test
    void mkfsRefusesBadMetricMissingDimAndMissingDirectory() {
        Out metric = run("mkfs", "--dim", "4", "--metric", "hamming", dir.toString());
        assertEquals(2, metric.exit());
        assertTrue(metric.err().contains("unknown metric 'hamming'"), metric.err());
        Out noDim = run("mkfs", dir.toString());
        assertEquals(2, noDim.exit());
        assertTrue(noDim.err().contains("--dim"), noDim.err());
        Out notDir = run("mkfs", "--dim", "4", dir.resolve("nope").toString());
        assertEquals(2, notDir.exit());
        assertTrue(notDir.err().contains("is not a directory"), notDir.err());
    }

    @Test
    void mountRefusesABackingDirectoryWithoutAStore() throws Exception {
        Path mnt = Files.createDirectory(dir.resolve("mnt"));
        Path backing = Files.createDirectory(dir.resolve("b"));
        Out r = run("mount", "-f", backing.toString(), mnt.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("run vexfs mkfs first"), r.err());
    }

    @Test
    void verifyAndInspectAFreshStore() throws Exception {
        assertEquals(0, run("mkfs", "--dim", "3", dir.toString()).exit());
        Files.writeString(dir.resolve("plain.txt"), "x");
        Out v = run("verify", dir.toString());
        assertEquals(0, v.exit(), v.out() + v.err());
        assertTrue(v.out().contains("result: clean") && v.out().contains("1 regular files"), v.out());
        Out i = run("inspect", "--json", dir.toString());
        assertEquals(0, i.exit(), i.err());
        assertTrue(i.out().contains("\"dimension\": 3") && i.out().contains("\"live\": 0"), i.out());
        Out rec = run("inspect", "--record", "999", dir.toString());
        assertEquals(2, rec.exit());
        Out file = run("inspect", "--file", "plain.txt", dir.toString());
        assertEquals(1, file.exit());
        assertTrue(file.err().contains("has no vector"), file.err());
        Out outside = run("inspect", "--file", "/etc/passwd", dir.toString());
        assertEquals(2, outside.exit());
        Out none = run("verify", dir.resolve("nothing").toString());
        assertEquals(2, none.exit());
        assertTrue(none.err().contains("run vexfs mkfs first"), none.err());
    }

    @Test
    void inspectDumpsTheRecordOfAFileAndOfASlot() throws Exception {
        assertEquals(0, run("mkfs", "--dim", "2", dir.toString()).exit());
        Path f = Files.writeString(dir.resolve("doc"), "x");
        long ino = (Long) Files.getAttribute(f, "unix:ino");
        int slot;
        try (VectorStore s = VectorStore.open(dir.resolve(".vexfs"), false)) {
            slot = s.put(ino, new float[] {0.5f, -1f});
        }
        Out byFile = run("inspect", "--file", "doc", dir.toString());
        assertEquals(0, byFile.exit(), byFile.err());
        assertTrue(byFile.out().contains("file_key: " + ino) && byFile.out().contains("vector: 0.5,-1.0"), byFile.out());
        Out bySlot = run("inspect", "--record", Integer.toString(slot), "--json", dir.toString());
        assertEquals(0, bySlot.exit(), bySlot.err());
        assertTrue(bySlot.out().contains("\"vector\": [0.5,-1.0]") && bySlot.out().contains("\"checksum_ok\": true"),
                bySlot.out());
        Out both = run("inspect", "--record", "0", "--file", "doc", dir.toString());
        assertEquals(2, both.exit(), "--record and --file exclude each other");
    }

    @Test
    void everyCommandHasHelp() {
        for (String c : new String[] {"mkfs", "mount", "umount", "verify", "reindex", "inspect"}) {
            Out r = run(c, "--help");
            assertEquals(0, r.exit(), c);
            assertTrue(r.out().startsWith("Usage: vexfs " + c), c + ": " + r.out());
        }
    }
}
