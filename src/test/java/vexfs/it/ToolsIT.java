package vexfs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Real tools inside the mount: cp -a, tar, rsync -aXH and git must leave trees equal to their source in content
 * and in metadata (modes, owners, nanosecond mtimes, symlinks, hard links, xattrs), as on a local filesystem.
 * Needs git and rsync (CI installs them).
 */
@Tag("mount")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ToolsIT {
    Path tmp;
    Path src;
    MountFixture m;

    @BeforeAll
    void setUp() throws Exception {
        tmp = Files.createTempDirectory("vexfs-tools-it");
        src = tmp.resolve("src");
        // a source tree with every kind of thing the tools copy
        var r = MountFixture.sh("set -e; mkdir -p '" + src + "' && cd '" + src + "'; mkdir -p a/b/c empty 'sp ace'"
                + "; head -c 1000000 /dev/urandom > a/big; echo small > a/b/small; : > a/b/c/zero"
                + "; for i in $(seq 1 200); do echo \"file $i\" > a/b/c/f$i; done"
                + "; ln -s b/small a/rel; ln -s /nonexistent a/dangling; ln a/b/small a/hard"
                + "; chmod 600 a/b/small; chmod 4755 a/big; chmod 700 a/b; chown 1000:1000 a/b/c/f1"
                + "; truncate -s 5M sparse; printf end >> sparse"
                + "; echo x > $'\\xff\\xfe-raw' ; echo y > 'sp ace/new\nline'; mkfifo fifo"
                + "; setfattr -n user.color -v blue a/big; setfattr -n user.bin -v 0x000102 'sp ace'"
                // every time in the past (rsync compares whole seconds: a tree made in the same second as the
                // copy would keep its creation times), a few with distinctive nanoseconds
                + "; find . -depth -exec touch -h -d '2020-05-05 05:05:05.987654321' {} +"
                + "; touch -h -d '2001-01-01 01:01:01.123456789' a/rel; touch -d '2002-02-02 02:02:02.5' a/b/c/f2");
        assertEquals(0, r.exit(), r.output());
        m = new MountFixture(tmp).mkfs(4, "l2").mount();
    }

    @AfterAll
    void tearDown() throws Exception {
        if (m != null) m.close();
        MountFixture.sh("rm -rf '" + tmp + "'");
    }

    /** Metadata of a tree, one sorted line per entry (path, type, mode, owner, size, mtime ns, link target). */
    static String meta(Path root) throws Exception {
        var r = MountFixture.sh("cd '" + root + "' && find . -mindepth 1 -printf '%P|%y|%m|%u:%g|%s|%T@|%l|%n\\n'"
                + " | LC_ALL=C sort && getfattr -R -h -d -e hex -m '^user\\.' . 2>/dev/null | grep -v '^$'"
                + " | LC_ALL=C sort");
        assertEquals(0, r.exit(), r.output());
        // directory sizes are the filesystem's business, not the tool's
        return r.output().replaceAll("(?m)^([^|]*)\\|d\\|([^|]*)\\|([^|]*)\\|\\d+\\|", "$1|d|$2|$3|-|");
    }

    static String noDirTimes(String meta) {
        return meta.replaceAll("(?m)^([^|]*\\|d\\|[^|]*\\|[^|]*\\|-\\|)[^|]*\\|", "$1-|");
    }

    @Test
    void cpArchiveAndDiff() throws Exception {
        var r = MountFixture.sh("cp -a '" + src + "' '" + m.mnt + "/cp' && diff -r --no-dereference -x fifo '" + src + "' '"
                + m.mnt + "/cp' && echo same");
        assertTrue(r.output().contains("same"), r.output());
        assertEquals(meta(src), meta(m.mnt.resolve("cp")));
        assertEquals(meta(src), meta(m.backing.resolve("cp")));
        // and back out again
        r = MountFixture.sh("cp -a '" + m.mnt + "/cp' '" + tmp + "/cp-out' && echo ok");
        assertEquals("ok", r.output().trim(), r.output());
        assertEquals(meta(src), meta(tmp.resolve("cp-out")));
    }

    @Test
    void tarRoundTrip() throws Exception {
        var r = MountFixture.sh("mkdir '" + m.mnt + "/untar' && tar -C '" + src + "' --xattrs -cf - . | tar -C '"
                + m.mnt + "/untar' --xattrs --xattrs-include='user.*' -xpf - && mkdir '" + tmp + "/tar-out' && tar -C '"
                + m.mnt + "/untar' --xattrs -cf '" + m.mnt + "/t.tar' . && tar -C '" + tmp
                + "/tar-out' --xattrs --xattrs-include='user.*' -xpf '" + m.mnt + "/t.tar' && echo ok");
        assertEquals("ok", r.output().trim(), r.output());
        // tar restores directory mtimes only when it can; compare everything else
        assertEquals(noDirTimes(meta(src)), noDirTimes(meta(m.mnt.resolve("untar"))));
        assertEquals(noDirTimes(meta(src)), noDirTimes(meta(tmp.resolve("tar-out"))));
    }

    @Test
    void rsyncArchiveWithXattrs() throws Exception {
        var r = MountFixture.sh("rsync -aXH '" + src + "/' '" + m.mnt + "/rs/' && rsync -aXHni --delete '" + src
                + "/' '" + m.mnt + "/rs/' | wc -l");
        assertEquals(0, r.exit(), r.output());
        assertEquals("0", r.output().trim(), "a second rsync must find nothing to do: " + r.output());
        assertEquals(meta(src), meta(m.mnt.resolve("rs")));
        // change one file behind the mount; rsync sees exactly that one
        Files.writeString(m.backing.resolve("rs/a/b/c/f3"), "changed behind");
        // past the 1 s attribute timeout: the kernel's cache expires by the clock, so time is the only way to get
        // there (and what follows checks a positive, that the change is now seen)
        Thread.sleep(1100);
        r = MountFixture.sh("rsync -aXHni --delete '" + src + "/' '" + m.mnt + "/rs/'");
        assertTrue(r.output().contains("a/b/c/f3") && r.output().trim().split("\n").length == 1, r.output());
    }

    @Test
    void gitInitCommitFsckClone() throws Exception {
        Path repo = m.mnt.resolve("repo");
        var r = MountFixture.sh("set -e; export HOME='" + tmp + "' GIT_CONFIG_NOSYSTEM=1; git config --global user.email t@x;"
                + " git config --global user.name t; git config --global init.defaultBranch main;"
                + " git config --global --add safe.directory '*';"
                + " git init -q '" + repo + "' && cd '" + repo + "' && cp -r '" + src + "/a' . && git add -A"
                + " && git commit -qm one && echo more >> a/b/small && git mv a/big a/big2 && git commit -qam two"
                + " && git gc -q && git fsck --full --strict && git status --porcelain | wc -l"
                + " && git clone -q '" + repo + "' '" + tmp + "/clone' && git -C '" + tmp + "/clone' log --oneline | wc -l"
                + " && diff -r --no-dereference --exclude=.git . '" + tmp + "/clone' && echo same");
        assertEquals(0, r.exit(), r.output());
        assertEquals("0\n2\nsame", r.output().trim(), r.output());
    }
}
