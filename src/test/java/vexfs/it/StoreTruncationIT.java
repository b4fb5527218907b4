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
 * {@code truncate -s 0 BACKING/.vexfs/vectors.vxv} while mounted: the damage is logged once with the repair command,
 * search and vector setxattr answer EUCLEAN ("Structure needs cleaning"), never EIO, and change nothing (the old
 * vector stays); plain file I/O goes on; the unmount is clean (the daemon exits 0); the logged command
 * (vexfs reindex) rebuilds the store from the files' xattrs and the next mount searches exactly.
 */
@Tag("mount")
class StoreTruncationIT {
    @Test
    void storeCutShortWhileMounted(@TempDir Path tmp) throws Exception {
        MountFixture m = new MountFixture(tmp).mkfs(4, "l2");
        try (MountFixture mm = m.mount()) {
            String mnt = mm.mnt.toString();
            var setup = MountFixture.sh("cd '" + mnt + "' && for i in 1 2 3 4 5; do echo $i > f$i && "
                    + "setfattr -n user.vexfs.vector -v $i,0,0,0 f$i; done");
            assertEquals(0, setup.exit(), setup.output());
            assertEquals(0, MountFixture.sh("truncate -s 0 '" + m.backing + "/.vexfs/vectors.vxv'").exit());

            var search = MountFixture.sh("exec 3<>'" + mnt + "/.vexfs/search' && printf '1,0,0,0\\nk=3\\n' >&3 && cat <&3");
            assertTrue(search.output().contains("Structure needs cleaning"), search.output());
            var set = MountFixture.sh("setfattr -n user.vexfs.vector -v 9,0,0,0 '" + mnt + "/f3'");
            assertTrue(set.output().contains("Structure needs cleaning"), set.output());
            assertEquals("3.0,0.0,0.0,0.0", MountFixture.sh("getfattr --only-values -n user.vexfs.vector '" + mnt + "/f3' 2>/dev/null")
                    .output().trim(), "the refused setxattr changed nothing");
            assertEquals("plain", MountFixture.sh("echo plain > '" + mnt + "/g' && cat '" + mnt + "/g'").output().trim());
            // again: the same clear answer, not a growing list of errors
            assertTrue(MountFixture.sh("exec 3<>'" + mnt + "/.vexfs/search' && printf '1,0,0,0\\n' >&3 && cat <&3")
                    .output().contains("Structure needs cleaning"));
        }
        assertEquals(0, m.daemonExit(), m.log());
        String log = m.log();
        assertEquals(1, ControlAccessIT.count(log, "is damaged: it is 0 bytes"), log);
        assertTrue(log.contains("run vexfs reindex --dim 4 --metric l2 " + m.backing), log);
        assertFalse(log.contains("Exception in thread"), log);
        assertFalse(log.contains("answering EIO"), log);

        var re = MountFixture.cli("reindex", "--dim", "4", "--metric", "l2", m.backing.toString());
        assertEquals(0, re.exit(), re.output());
        try (MountFixture mm = m.mount()) {
            var s = MountFixture.sh("exec 3<>'" + mm.mnt + "/.vexfs/search' && printf '1,0,0,0\\nk=3\\n' >&3 && cut -f3 <&3");
            assertEquals(List.of("/f1", "/f2", "/f3"), s.output().lines().toList(), s.output());
        }
    }
}
