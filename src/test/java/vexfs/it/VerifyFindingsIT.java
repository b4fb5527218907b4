package vexfs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vexfs verify} reports as findings (exit 1) what it used to note or miss, and {@code --repair} fixes each one
 * and says so (exit 0, then a clean verify): files carrying a vector xattr of another dimension (copied with
 * {@code cp -a} from a dim-8 and a dim-64 volume: one that decodes, one too large to read as a dim-4 vector) are
 * moved aside to user.vexfs.v1.foreign and the mount's search is exact afterwards; store items with loose modes or
 * another owner than the backing root's get 0700/0600 and that owner.
 */
@Tag("mount")
class VerifyFindingsIT {
    @Test
    void vectorsOfAnotherDimensionAreFindingsAndMovedAsideByRepair(@TempDir Path tmp) throws Exception {
        Path other8 = tmp.resolve("o8"), other64 = tmp.resolve("o64");
        copyFromVolumeOfDim(other8, 8);
        copyFromVolumeOfDim(other64, 64);
        MountFixture m = new MountFixture(tmp.resolve("main")).mkfs(4, "l2");
        try (MountFixture mounted = m.mount()) {
            var r = MountFixture.sh(String.join(" && ", "cd '" + mounted.mnt + "'",
                    "echo a > a && setfattr -n user.vexfs.vector -v 1,0,0,0 a",
                    "echo b > b && setfattr -n user.vexfs.vector -v 0,1,0,0 b"));
            assertEquals(0, r.exit(), r.output());
        }
        var cp = MountFixture.sh("cp -a '" + other8.resolve("backing/f") + "' '" + m.backing.resolve("c8") + "' && cp -a '"
                + other64.resolve("backing/f") + "' '" + m.backing.resolve("c64") + "'");
        assertEquals(0, cp.exit(), cp.output());

        var v = MountFixture.cli("verify", m.backing.toString());
        assertEquals(1, v.exit(), v.output());
        assertTrue(v.output().contains("/c8 (ino "), v.output());
        assertTrue(v.output().contains("its vector has dimension 8, this store's is 4"), v.output());
        assertTrue(v.output().contains("/c64 (ino "), v.output());
        assertTrue(v.output().contains("foreign vectors: 2 files"), v.output());
        assertTrue(v.output().contains("result: PROBLEMS FOUND"), v.output());

        var fix = MountFixture.cli("verify", "--repair", m.backing.toString());
        assertEquals(0, fix.exit(), fix.output());
        assertTrue(fix.output().contains("moved aside to user.vexfs.v1.foreign (repaired)"), fix.output());
        assertTrue(fix.output().contains("result: repaired"), fix.output());
        for (String f : List.of("c8", "c64")) {
            var x = MountFixture.sh("getfattr -d -m - '" + m.backing.resolve(f) + "'");
            assertTrue(x.output().contains("user.vexfs.v1.foreign="), x.output());
            assertFalse(x.output().contains("user.vexfs.v1="), x.output());
        }
        var again = MountFixture.cli("verify", m.backing.toString());
        assertEquals(0, again.exit(), again.output());
        assertTrue(again.output().contains("result: clean"), again.output());

        try (MountFixture mounted = m.mount()) {
            var s = MountFixture.sh("exec 3<>'" + mounted.mnt + "/.vexfs/search' && printf '1,0,0,0\\nk=10\\n' >&3 && cut -f3 <&3");
            assertEquals(List.of("/a", "/b"), s.output().lines().toList(), s.output());
        }
    }

    @Test
    void looseModesAndForeignOwnersAreFindingsAndRepaired(@TempDir Path tmp) throws Exception {
        MountFixture m = new MountFixture(tmp).mkfs(4, "l2");
        try (MountFixture mounted = m.mount()) {
            assertEquals(0, MountFixture.sh("cd '" + mounted.mnt + "' && echo a > a && setfattr -n user.vexfs.vector -v 1,0,0,0 a")
                    .exit());
        }
        String store = m.backing.resolve(".vexfs").toString();
        assertEquals(0, MountFixture.sh("chmod 755 '" + store + "' && chmod 644 '" + store + "/vectors.vxv' && chown 65534:65534 '"
                + store + "/graph.vxg'").exit());

        var v = MountFixture.cli("verify", m.backing.toString());
        assertEquals(1, v.exit(), v.output());
        assertTrue(v.output().contains("mode problem: .vexfs/ 0755 -> 0700"), v.output());
        assertTrue(v.output().contains("mode problem: vectors.vxv 0644 -> 0600"), v.output());
        assertTrue(v.output().contains("mode problem: graph.vxg owner 65534:65534 -> 0:0"), v.output());

        var fix = MountFixture.cli("verify", "--repair", m.backing.toString());
        assertEquals(0, fix.exit(), fix.output());
        assertTrue(fix.output().contains("mode problem: graph.vxg owner 65534:65534 -> 0:0 (the store must be private to"
                + " its owner) (repaired)"), fix.output());
        assertEquals("700 0:0\n600 0:0\n600 0:0\n", MountFixture.sh("stat -c '%a %u:%g' '" + store + "' '" + store
                + "/vectors.vxv' '" + store + "/graph.vxg'").output());
        var again = MountFixture.cli("verify", m.backing.toString());
        assertEquals(0, again.exit(), again.output());
        assertTrue(again.output().contains("result: clean"), again.output());
    }

    /** A volume of dimension {@code dim} under {@code root} whose backing file f carries a vector. */
    private static void copyFromVolumeOfDim(Path root, int dim) throws Exception {
        StringBuilder vec = new StringBuilder("1");
        for (int i = 1; i < dim; i++) vec.append(",0.5");
        try (MountFixture o = new MountFixture(root).mkfs(dim, "l2").mount()) {
            var r = MountFixture.sh("cd '" + o.mnt + "' && echo f > f && setfattr -n user.vexfs.vector -v " + vec + " f");
            assertEquals(0, r.exit(), r.output());
        }
    }
}
