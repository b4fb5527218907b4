package vexfs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** vexfs import / export / mkfs through {@link Main#run}: help, messages and exit codes (no mount). */
class BulkCliTest {
    @TempDir
    Path dir;

    @Test
    void importAndExportHaveHelpNamingTheFormats() {
        CliTest.Out i = CliTest.run("import", "--help");
        assertEquals(0, i.exit());
        assertTrue(i.out().startsWith("Usage: vexfs import") && i.out().contains(".npy") && i.out().contains(".fvecs")
                && i.out().contains("JSON lines") && i.out().contains("--paths"), i.out());
        CliTest.Out e = CliTest.run("export", "--help");
        assertEquals(0, e.exit());
        assertTrue(e.out().startsWith("Usage: vexfs export") && e.out().contains("OUT.npy")
                && e.out().contains("backup"), e.out());
    }

    @Test
    void importExportThroughTheCommandLine() throws Exception {
        Path b = Files.createDirectories(dir.resolve("b"));
        assertEquals(0, CliTest.run("mkfs", "--dim", "2", b.toString()).exit());
        Files.writeString(b.resolve("a"), "x");
        Files.writeString(b.resolve("b"), "y");
        Path jl = Files.writeString(dir.resolve("v.jsonl"), "{\"path\": \"a\", \"vector\": [0.5, -1]}\n"
                + "{\"path\": \"b\", \"vector\": [1e-3, 2]}\n");
        CliTest.Out r = CliTest.run("import", b.toString(), jl.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("imported 2 vectors"), r.out());
        CliTest.Out x = CliTest.run("export", b.toString(), dir.resolve("out").toString(), "--fvecs");
        assertEquals(0, x.exit(), x.err());
        assertTrue(x.out().contains("exported 2 vectors"), x.out());
        assertEquals(2, Files.readAllLines(dir.resolve("out.paths")).size());
        assertEquals(2 * (4 + 8), Files.size(dir.resolve("out.fvecs")));
        // the export's own .npy + paths import again (replacing each vector with itself)
        CliTest.Out again = CliTest.run("import", b.toString(), dir.resolve("out.npy").toString(), "--paths",
                dir.resolve("out.paths").toString());
        assertEquals(0, again.exit(), again.err());
        assertTrue(again.out().contains("2 replaced"), again.out());

        CliTest.Out text = CliTest.run("import", b.toString(), dir.resolve("out.paths").toString());
        assertEquals(1, text.exit());
        assertTrue(text.err().contains("expected a NumPy .npy file"), text.err());
        CliTest.Out noPaths = CliTest.run("import", b.toString(), dir.resolve("out.npy").toString());
        assertTrue(noPaths.err().contains("--paths FILE must name the file of each row"), noPaths.err());
        Path bad = Files.writeString(dir.resolve("bad.jsonl"), "{\"path\": \"nope\", \"vector\": [1, 2]}\n");
        CliTest.Out skipped = CliTest.run("import", b.toString(), bad.toString());
        assertEquals(1, skipped.exit());
        assertTrue(skipped.err().contains("line 1 skipped: '/nope': no such file"), skipped.err());
        assertTrue(skipped.out().contains("1 rows skipped"), skipped.out());
        CliTest.Out none = CliTest.run("import", b.toString());
        assertEquals(2, none.exit());
        assertTrue(none.err().contains("name the vectors"), none.err());
        byte[] fv = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putInt(2).putFloat(1).putFloat(2).array();
        Path one = Files.write(dir.resolve("one.fvecs"), fv);
        CliTest.Out count = CliTest.run("import", b.toString(), one.toString(), "--paths", dir.resolve("out.paths").toString());
        assertTrue(count.err().contains("has 2 paths") && count.err().contains("has 1 vectors"), count.err());
    }

    @Test
    void mkfsSaysWhenVectorsCannotTravelWithTheFiles() throws Exception {
        assumeTrue(Files.getFileStore(dir).type().equals("ext4"), "the limit probed is ext4's (" + Files.getFileStore(dir).type() + " here)");
        Path small = Files.createDirectories(dir.resolve("small")), large = Files.createDirectories(dir.resolve("large"));
        CliTest.Out s = CliTest.run("mkfs", "--dim", "128", small.toString());
        assertEquals(0, s.exit(), s.err());
        assertFalse(s.out().contains("store only"), s.out());
        CliTest.Out l = CliTest.run("mkfs", "--dim", "1536", large.toString());
        assertEquals(0, l.exit(), l.err());
        assertTrue(l.out().contains("cannot hold a 1536-dimension vector") && l.out().contains("vexfs export")
                && l.out().contains("cp -a"), l.out());
        try (var files = Files.list(large.resolve(".vexfs"))) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().startsWith(".xattr-probe")), "probe file removed");
        }
    }
}
