package vexfs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A vector belongs to the inode: renames (also of directories above), hard links, unlink of the last link,
 * open-but-unlinked files, remount, and changes made to the backing directory while unmounted.
 */
@Tag("mount")
class VectorLifecycleIT {
    static String vector(Path mnt, String rel) throws Exception {
        var r = MountFixture.sh("getfattr --absolute-names --only-values -n user.vexfs.vector '" + mnt.resolve(rel) + "'");
        return r.exit() == 0 ? r.output() : null;
    }

    static int live(Path backing) throws Exception {
        var r = MountFixture.cli("inspect", "--json", backing.toString());
        Matcher m = Pattern.compile("\"live\": (\\d+)").matcher(r.output());
        assertTrue(m.find(), r.output());
        return Integer.parseInt(m.group(1));
    }

    @Test
    void vectorFollowsTheInodeThroughRenamesLinksUnlinkAndRemount(@TempDir Path tmp) throws Exception {
        MountFixture m = new MountFixture(tmp).mkfs(3, "l2").mount();
        try {
            var r = MountFixture.sh("cd '" + m.mnt + "' && mkdir -p top/sub && touch top/sub/a && "
                    + "setfattr -n user.vexfs.vector -v 1,2,3 top/sub/a && ln top/sub/a link && "
                    + "mv top/sub/a top/sub/b && mv top top2 && touch c && setfattr -n user.vexfs.vector -v 7,8,9 c");
            assertEquals(0, r.exit(), r.output());
            assertEquals("1.0,2.0,3.0", vector(m.mnt, "top2/sub/b"), "follows renames of the file and of a directory above");
            assertEquals("1.0,2.0,3.0", vector(m.mnt, "link"), "shared by hard links");
            MountFixture.sh("setfattr -n user.vexfs.vector -v 4,5,6 '" + m.mnt.resolve("link") + "'");
            assertEquals("4.0,5.0,6.0", vector(m.mnt, "top2/sub/b"), "one vector for all links");
            assertEquals(2, live(m.backing));

            Files.delete(m.mnt.resolve("link"));
            assertEquals("4.0,5.0,6.0", vector(m.mnt, "top2/sub/b"), "a link less, the vector stays");
            assertEquals(2, live(m.backing));

            // open but unlinked: leaves the index at unlink; the open descriptor still works
            try (FileChannel ch = FileChannel.open(m.mnt.resolve("c"), StandardOpenOption.WRITE)) {
                Files.delete(m.mnt.resolve("c"));
                assertEquals(1, live(m.backing));
                ch.write(java.nio.ByteBuffer.wrap(new byte[] {1}));
            }
            assertEquals(1, live(m.backing));

            // rename over a file with a vector replaces it: the replaced one leaves the index
            MountFixture.sh("cd '" + m.mnt + "' && touch victim && setfattr -n user.vexfs.vector -v 0,0,1 victim"
                    + " && touch mover && mv mover victim");
            assertEquals(1, live(m.backing));
            assertEquals(null, vector(m.mnt, "victim"));
        } finally {
            m.close();
        }
        assertEquals(0, m.daemonExit(), m.log());
        MountFixture again = new MountFixture(tmp).mount();
        try {
            assertEquals("4.0,5.0,6.0", vector(again.mnt, "top2/sub/b"), "survives remount");
            Files.delete(again.mnt.resolve("top2/sub/b"));
            assertEquals(0, live(again.backing), "removed with the last link");
        } finally {
            again.close();
        }
        var v = MountFixture.cli("verify", again.backing.toString());
        assertEquals(0, v.exit(), v.output());
    }

    @Test
    void offlineChangesAreReconciledOnMountAndByVerifyRepair(@TempDir Path tmp) throws Exception {
        MountFixture m = new MountFixture(tmp).mkfs(2, "dot").mount();
        try {
            var r = MountFixture.sh("cd '" + m.mnt + "' && mkdir d && for i in 1 2 3 4; do touch d/f$i && "
                    + "setfattr -n user.vexfs.vector -v $i,$i d/f$i; done");
            assertEquals(0, r.exit(), r.output());
        } finally {
            m.close();
        }
        // while unmounted: delete, rename a directory, copy with xattrs, replace an inode
        var off = MountFixture.sh("cd '" + m.backing + "' && rm d/f1 && mv d e && cp -a --preserve=xattr e/f2 copy"
                + " && rm e/f3 && touch e/f3");
        assertEquals(0, off.exit(), off.output());
        var check = MountFixture.cli("verify", m.backing.toString());
        assertEquals(1, check.exit(), check.output());
        // inode numbers of deleted files are often reused at once (by the copy, by the new f3): whichever way,
        // the differences are found
        assertTrue(check.output().contains("result: PROBLEMS FOUND"), check.output());

        MountFixture again = new MountFixture(tmp).mount();
        try {
            assertEquals("2.0,2.0", vector(again.mnt, "copy"), "a copy made with its xattrs has the vector");
            assertEquals(null, vector(again.mnt, "e/f3"));
            assertEquals("4.0,4.0", vector(again.mnt, "e/f4"));
            long deadline = System.currentTimeMillis() + 20_000;
            // the log holds both mounts: wait for the second mount's background reconcile
            while (again.log().split("reconcile: \\d+ files", -1).length < 3 && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(again.log().contains("reconcile: 4 files, 3 with a vector"), again.log());
            assertEquals(3, live(again.backing), "f2, f4 and the copy");
        } finally {
            again.close();
        }
        var clean = MountFixture.cli("verify", again.backing.toString());
        assertEquals(0, clean.exit(), clean.output());
        assertTrue(clean.output().contains("result: clean"), clean.output());

        // the same through verify --repair, without mounting
        MountFixture.sh("cd '" + m.backing + "' && rm e/f4 && cp -a --preserve=xattr copy copy2");
        var repair = MountFixture.cli("verify", "--repair", m.backing.toString());
        assertEquals(0, repair.exit(), repair.output());
        assertTrue(repair.output().contains("result: repaired"), repair.output());
        assertTrue(MountFixture.cli("verify", m.backing.toString()).output().contains("result: clean"));
        // and reindex rebuilds the same from scratch
        var re = MountFixture.cli("reindex", m.backing.toString());
        assertEquals(0, re.exit(), re.output());
        assertTrue(re.output().contains("3 vectors in the new store"), re.output());
        assertFalse(Files.exists(m.backing.resolve(".vexfs/reindex.tmp")));
        assertEquals(3, live(m.backing));
    }
}
