package vexfs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * With {@code -o allow_other,default_permissions}, user nobody cannot read, search for or get the neighbours of a
 * file it could not read directly: search results, /.vexfs/similar links and the similar/ mirror of directories
 * are filtered by the caller's access (owner/group/other bits along the whole path, supplementary groups
 * included). Root sees everything.
 */
@Tag("mount")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchPermissionsIT {
    static final String Q = "1,0,0,0";
    static final int GROUP = 4242;
    Path tmp;
    MountFixture m;

    @BeforeAll
    void mount() throws Exception {
        tmp = Files.createTempDirectory("vexfs-perm-it");
        MountFixture.sh("chmod 755 '" + tmp + "'");
        m = new MountFixture(tmp, "allow_other,default_permissions").mkfs(4, "l2").mount();
        String setup = String.join(" && ", "cd '" + m.mnt + "'", "umask 022",
                "mkdir pub private noexec grp",
                "echo o > pub/open && setfattr -n user.vexfs.vector -v 1,0.3,0,0 pub/open",
                "echo s > pub/secret && chmod 600 pub/secret && setfattr -n user.vexfs.vector -v 1,0,0,0 pub/secret",
                "echo i > private/inner && setfattr -n user.vexfs.vector -v 1,0.1,0,0 private/inner && chmod 700 private",
                "echo n > noexec/f && setfattr -n user.vexfs.vector -v 1,0.2,0,0 noexec/f && chmod 744 noexec",
                "echo g > grp/f && setfattr -n user.vexfs.vector -v 1,0.15,0,0 grp/f",
                "chgrp " + GROUP + " grp grp/f && chmod 750 grp && chmod 640 grp/f");
        var r = MountFixture.sh(setup);
        assertEquals(0, r.exit(), r.output());
    }

    @AfterAll
    void unmount() throws Exception {
        if (m != null) m.close();
        MountFixture.sh("rm -rf '" + tmp + "'");
    }

    private String search(String mnt) {
        return "exec 3<>'" + mnt + "/.vexfs/search' && printf '" + Q + "\\nk=10\\n' >&3 && cut -f3 <&3";
    }

    @Test
    void searchReturnsOnlyWhatTheCallerCouldRead() throws Exception {
        var root = MountFixture.sh(search(m.mnt.toString()));
        assertEquals(List.of("/pub/secret", "/private/inner", "/grp/f", "/noexec/f", "/pub/open"),
                root.output().lines().toList(), "root sees all");
        var r = MountFixture.asNobody(null, search(m.mnt.toString()));
        assertEquals(0, r.exit(), r.output());
        assertEquals(List.of("/pub/open"), r.output().lines().toList(), "nobody: only the file it can read");
        r = MountFixture.asNobody(Integer.toString(GROUP), search(m.mnt.toString()));
        assertEquals(List.of("/grp/f", "/pub/open"), r.output().lines().toList(),
                "a supplementary group gives what it gives directly");
        // and directly: the same verdicts from the kernel
        assertEquals(0, MountFixture.asNobody(Integer.toString(GROUP), "cat '" + m.mnt + "/grp/f'").exit());
        assertTrue(MountFixture.asNobody(null, "cat '" + m.mnt + "/grp/f'").output().contains("Permission denied"));
        assertTrue(MountFixture.asNobody(null, "cat '" + m.mnt + "/pub/secret'").output().contains("Permission denied"));
        assertTrue(MountFixture.asNobody(null, "getfattr -n user.vexfs.vector '" + m.mnt + "/pub/secret'").output()
                .contains("Permission denied"));
    }

    @Test
    void similarTreeShowsOnlyReadableNeighboursAndDirectories() throws Exception {
        String sim = m.mnt + "/.vexfs/similar";
        var r = MountFixture.asNobody(null, "ls '" + sim + "/pub/open'");
        assertEquals(0, r.exit(), r.output());
        for (String hidden : List.of("secret", "inner", "f")) assertFalse(r.output().contains(hidden), r.output());
        r = MountFixture.asNobody(Integer.toString(GROUP), "ls '" + sim + "/pub/open'");
        assertEquals("01-f", r.output().trim(), "the group file, through the supplementary group");
        for (String denied : List.of("/pub/secret", "/private", "/private/inner", "/noexec", "/noexec/f", "/grp")) {
            r = MountFixture.asNobody(null, "ls '" + sim + denied + "'");
            assertTrue(r.exit() != 0 && r.output().contains("Permission denied"), denied + ": " + r.output());
        }
        r = MountFixture.asNobody(null, "ls '" + sim + "/pub'");
        assertEquals(List.of("open", "secret"), r.output().lines().toList(), "a readable directory lists as it is");
        r = MountFixture.sh("ls '" + sim + "/pub/open'");
        assertTrue(r.output().contains("-secret"), "root: " + r.output());
    }
}
