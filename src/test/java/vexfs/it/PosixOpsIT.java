package vexfs.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import vexfs.libc.Attr;
import vexfs.libc.Name;
import vexfs.libc.NativeIo;

/**
 * Each operation through a real mount (allow_other, default_permissions) and its error cases, with exact errnos
 * from raw system calls, and as user nobody for permission checks.
 */
@Tag("mount")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PosixOpsIT {
    Path tmp;
    MountFixture m;
    Path mnt;

    @BeforeAll
    void mount() throws Exception {
        tmp = Files.createTempDirectory("vexfs-posix-it");
        MountFixture.sh("chmod 755 '" + tmp + "'");  // nobody must reach the mount point
        m = new MountFixture(tmp, "allow_other,default_permissions").mkfs(4, "l2").mount();
        mnt = m.mnt;
    }

    @AfterAll
    void unmount() throws Exception {
        if (m != null) m.close();
        MountFixture.sh("rm -rf '" + tmp + "'");
    }

    static MountFixture.Result sh(String script) throws Exception {
        return MountFixture.sh(script);
    }

    private Path dir(String name) throws Exception {
        return Files.createDirectory(mnt.resolve(name));
    }

    @Test
    void entryErrnos() throws Exception {
        Path d = dir("errnos");
        Files.writeString(d.resolve("f"), "x");
        Files.createDirectories(d.resolve("full/child"));
        Files.createDirectory(d.resolve("empty"));
        assertEquals("ENOENT", Sys.stat(d.resolve("missing")));
        assertEquals("ENOENT", Sys.open(d.resolve("missing"), NativeIo.O_RDONLY));
        assertEquals("ENOENT", Sys.unlink(d.resolve("missing")));
        assertEquals("EEXIST", Sys.mkdir(d.resolve("f")));
        assertEquals("EEXIST", Sys.link(d.resolve("f"), d.resolve("empty")));
        assertEquals("EEXIST", Sys.symlink("x", d.resolve("f")));
        assertEquals("EEXIST", Sys.open(d.resolve("f"), NativeIo.O_CREAT | NativeIo.O_EXCL | NativeIo.O_WRONLY));
        assertEquals("EEXIST", Sys.rename(d.resolve("full"), d.resolve("empty"), NativeIo.RENAME_NOREPLACE));
        assertEquals("ENOTEMPTY", Sys.rmdir(d.resolve("full")));
        assertEquals("ENOTEMPTY", Sys.rename(d.resolve("empty"), d.resolve("full"), 0));
        assertEquals("ENOTDIR", Sys.open(d.resolve("f/x"), NativeIo.O_RDONLY));
        assertEquals("ENOTDIR", Sys.rmdir(d.resolve("f")));
        assertEquals("ENOTDIR", Sys.rename(d.resolve("empty"), d.resolve("f"), 0));
        assertEquals("ENOTDIR", Sys.open(d.resolve("f"), NativeIo.O_RDONLY | NativeIo.O_DIRECTORY));
        assertEquals("EISDIR", Sys.open(d.resolve("empty"), NativeIo.O_WRONLY));
        assertEquals("EISDIR", Sys.unlink(d.resolve("empty")));
        assertEquals("EISDIR", Sys.rename(d.resolve("f"), d.resolve("empty"), 0));
        assertEquals("EINVAL", Sys.rename(d.resolve("full"), d.resolve("full/child/x"), 0));
        assertEquals("EPERM", Sys.link(d.resolve("full"), d.resolve("dirlink")));
        String longName = "n".repeat(256);
        assertEquals("ENAMETOOLONG", Sys.open(d.resolve(longName), NativeIo.O_CREAT | NativeIo.O_WRONLY));
        assertEquals("ENAMETOOLONG", Sys.mkdir(d.resolve(longName)));
        assertEquals("OK", Sys.open(d.resolve("n".repeat(255)), NativeIo.O_CREAT | NativeIo.O_WRONLY));
        assertEquals("OK", Sys.symlink("loop", d.resolve("loop")));
        assertEquals("ELOOP", Sys.open(d.resolve("loop"), NativeIo.O_RDONLY));
        assertEquals("ELOOP", Sys.open(d.resolve("loop"), NativeIo.O_RDONLY | NativeIo.O_NOFOLLOW));
        // the backing directory saw exactly these changes
        assertTrue(Files.exists(m.backing.resolve("errnos/" + "n".repeat(255))));
    }

    @Test
    void renameFlagsAndExdev() throws Exception {
        Path d = dir("rename");
        Files.writeString(d.resolve("a"), "A");
        Files.writeString(d.resolve("b"), "B");
        assertEquals("EEXIST", Sys.rename(d.resolve("a"), d.resolve("b"), NativeIo.RENAME_NOREPLACE));
        assertEquals("OK", Sys.rename(d.resolve("a"), d.resolve("b"), NativeIo.RENAME_EXCHANGE));
        assertEquals("B", Files.readString(d.resolve("a")));
        assertEquals("A", Files.readString(d.resolve("b")));
        assertEquals("ENOENT", Sys.rename(d.resolve("a"), d.resolve("c"), NativeIo.RENAME_EXCHANGE));
        assertEquals("OK", Sys.rename(d.resolve("a"), d.resolve("c"), NativeIo.RENAME_NOREPLACE));
        assertEquals("B", Files.readString(m.backing.resolve("rename/c")));
        assertEquals("EINVAL", Sys.rename(d.resolve("b"), d.resolve("c"),
                NativeIo.RENAME_NOREPLACE | NativeIo.RENAME_EXCHANGE));
        // across filesystems: the kernel refuses between the mount and elsewhere...
        assertEquals("EXDEV", Sys.rename(d.resolve("c"), tmp.resolve("c"), 0));
        assertEquals("EXDEV", Sys.link(d.resolve("c"), tmp.resolve("c")));
        // ...and the backing filesystem refuses between two of its own mounts, which we pass through
        Path inner = Files.createDirectory(m.backing.resolve("rename/inner"));
        assertEquals(0, sh("mount -t tmpfs -o size=4m vexfs-it-inner '" + inner + "'").exit());
        try {
            assertEquals("EXDEV", Sys.rename(d.resolve("c"), d.resolve("inner/c"), 0));
            assertEquals("EXDEV", Sys.link(d.resolve("c"), d.resolve("inner/c")));
            var mv = sh("mv '" + d.resolve("c") + "' '" + d.resolve("inner/c") + "' && cat '" + d.resolve("inner/c") + "'");
            assertEquals("B", mv.output().trim(), mv.output());  // mv copies on EXDEV
            assertEquals("B", Files.readString(inner.resolve("c")));
        } finally {
            sh("umount -l '" + inner + "'");
        }
    }

    @Test
    void permissionsAsNobody() throws Exception {
        Path d = dir("perm");
        Files.writeString(d.resolve("secret"), "s");
        sh("chmod 600 '" + d.resolve("secret") + "'; chmod 755 '" + d + "'; mkdir -m 1777 '" + d.resolve("tmp") + "'");
        var r = MountFixture.asNobody("cat '" + d.resolve("secret") + "'");
        assertNotEquals(0, r.exit());
        assertTrue(r.output().contains("Permission denied"), r.output());
        r = MountFixture.asNobody("mkdir '" + d.resolve("x") + "'");
        assertTrue(r.output().contains("Permission denied"), r.output());
        r = MountFixture.asNobody("touch '" + d.resolve("secret") + "'");
        assertTrue(r.output().contains("Permission denied"), r.output());
        r = MountFixture.asNobody("rm -f '" + d.resolve("secret") + "'");
        assertTrue(r.output().contains("Permission denied"), r.output());
        // where nobody may write, what it creates is its own, in the backing directory too
        r = MountFixture.asNobody("cd '" + d.resolve("tmp") + "' && umask 022 && echo hi > mine && mkdir sub && ln -s mine lnk"
                + " && mkfifo fifo && cat mine");
        assertEquals(0, r.exit(), r.output());
        for (String n : new String[] {"mine", "sub", "lnk", "fifo"}) {
            var st = sh("stat -c '%u:%g' '" + m.backing.resolve("perm/tmp/" + n) + "'");
            assertEquals("65534:65534", st.output().trim(), n);
        }
        // sticky directory: root's file there cannot be removed by nobody
        Files.writeString(d.resolve("tmp/roots"), "r");
        r = MountFixture.asNobody("rm -f '" + d.resolve("tmp/roots") + "'");
        assertTrue(r.output().contains("Operation not permitted"), r.output());
        // a set-group-ID directory gives its group to what nobody creates in it
        sh("mkdir -m 2777 '" + d.resolve("sgid") + "' && chgrp 100 '" + d.resolve("sgid") + "'");
        assertEquals(0, MountFixture.asNobody("umask 022 && mkdir '" + d.resolve("sgid/sub") + "' && touch '" + d.resolve("sgid/f") + "'").exit());
        assertEquals("65534:100", sh("stat -c '%u:%g' '" + m.backing.resolve("perm/sgid/f") + "'").output().trim());
        assertEquals("65534:100 2755", sh("stat -c '%u:%g %a' '" + m.backing.resolve("perm/sgid/sub") + "'")
                .output().trim());
    }

    @Test
    void attributes() throws Exception {
        Path d = dir("attrs");
        Path f = d.resolve("f");
        Files.writeString(f, "0123456789");
        // chown clears set-user-ID on files (kernel semantics, also for root), so chmod comes second
        var r = sh("cd '" + d + "' && chown 1234:4321 f && chmod 4751 f && truncate -s 3 f"
                + " && TZ=UTC touch -d '2001-02-03 04:05:06.123456789' f && TZ=UTC stat -c '%a %u %g %s %y' f");
        assertEquals("4751 1234 4321 3 2001-02-03 04:05:06.123456789 +0000", r.output().trim(), r.output());
        assertEquals("4751 1234 4321 3", sh("stat -c '%a %u %g %s' '" + m.backing.resolve("attrs/f") + "'").output().trim());
        // UTIME_OMIT: touch -m keeps atime, touch -a keeps mtime; UTIME_NOW sets "now"
        sh("TZ=UTC touch -a -d '2002-01-01 00:00:00' '" + f + "'");
        r = sh("stat -c '%X %Y' '" + f + "'");
        String[] t = r.output().trim().split(" ");
        assertEquals("1009843200", t[0]);
        assertEquals(Long.toString(981173106), t[1]);
        long before = System.currentTimeMillis() / 1000 - 5;
        sh("touch -m '" + f + "'");
        t = sh("stat -c '%X %Y' '" + f + "'").output().trim().split(" ");
        assertEquals("1009843200", t[0]);
        assertTrue(Long.parseLong(t[1]) >= before, "mtime now");
        // times of a symlink itself (utimensat AT_SYMLINK_NOFOLLOW)
        sh("ln -s f '" + d.resolve("l") + "' && TZ=UTC touch -h -d '2003-03-03 03:03:03' '" + d.resolve("l") + "'");
        assertEquals("1046660583", sh("stat -c '%Y' '" + m.backing.resolve("attrs/l") + "'").output().trim());
        // ftruncate / fchmod on an open descriptor (setattr with a file handle)
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
            ch.truncate(1);
            ch.write(ByteBuffer.wrap(new byte[] {'Z'}), 5);
        }
        assertArrayEquals(new byte[] {'0', 0, 0, 0, 0, 'Z'}, Files.readAllBytes(m.backing.resolve("attrs/f")));
        // umask of the caller is respected exactly (the daemon adds none of its own)
        assertEquals("664 775", sh("cd '" + d + "' && umask 002 && touch u && mkdir ud && stat -c %a u ud | paste -sd' '")
                .output().trim());
        assertEquals("666", sh("cd '" + d + "' && umask 000 && touch u0 && stat -c %a u0").output().trim());
    }

    @Test
    void namesAreBytes() throws Exception {
        Path d = dir("names");
        var r = sh("cd '" + d + "' && for n in $'new\\nline' 'back\\\\slash' $'\\xff\\xfe' ' lead' 'trail ' '*' '-x' 'ünï'; do"
                + " echo \"$n\" > \"./$n\" || exit 1; done && ls -b | wc -l && cat $'./\\xff\\xfe' | od -An -tx1");
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.output().startsWith("8\n"), r.output());
        assertTrue(r.output().contains("ff fe 0a"), r.output());
        assertEquals(TreeSnapshot.of(m.backing.resolve("names")), TreeSnapshot.of(d));
        int dfd = NativeIo.open(d.toString(), NativeIo.O_RDONLY | NativeIo.O_DIRECTORY, 0);
        try {
            assertTrue(TreeSnapshot.list(dfd).contains("\\xff\\xfe:8"), TreeSnapshot.list(dfd));
        } finally {
            NativeIo.close(dfd);
        }
    }

    @Test
    void linksSymlinksAndSpecialFiles() throws Exception {
        Path d = dir("links");
        var r = sh("cd '" + d + "' && echo data > f && ln f h && ln -s f s && ln -s /nonexistent/x dangling"
                + " && mkfifo p && stat -c '%h %F' f h s p && readlink s dangling && cat s && rm f && cat h"
                + " && stat -c %h h");
        assertEquals(0, r.exit(), r.output());
        assertEquals("2 regular file\n2 regular file\n1 symbolic link\n1 fifo\nf\n/nonexistent/x\ndata\ndata\n1",
                r.output().trim());
        // a FIFO through the mount carries data between two processes (the kernel does it, we only create it)
        r = sh("cd '" + d + "' && (echo through-fifo > p &) && cat p");
        assertEquals("through-fifo", r.output().trim());
        // mknod of a device as root, a unix socket by bind(2)
        r = sh("cd '" + d + "' && mknod null c 1 3 && stat -c '%F %t %T' null && echo x > null");
        // FUSE mounts are nodev: the node exists, opening it is refused by the kernel
        assertTrue(r.output().startsWith("character special file 1 3\n"), r.output());
        assertTrue(r.output().contains("Permission denied"), r.output());
    }

    @Test
    void xattrs() throws Exception {
        Path d = dir("xattr");
        Path f = Files.writeString(d.resolve("f"), "x");
        var r = sh("cd '" + d + "' && setfattr -n user.a -v hello f && setfattr -n user.b -v 0x00ff00 f"
                + " && setfattr -n trusted.t -v t f && getfattr -e hex -d -m - --absolute-names f | sort"
                + " && setfattr -x user.a f && getfattr -n user.a f; echo rc=$?");
        assertTrue(r.output().contains("user.a=0x68656c6c6f") && r.output().contains("user.b=0x00ff00")
                && r.output().contains("trusted.t=0x74"), r.output());
        assertTrue(r.output().contains("No such attribute") && r.output().contains("rc=1"), r.output());
        // symlinks: the link's own attributes (trusted.* allowed for root, user.* refused by the backing FS)
        r = sh("cd '" + d + "' && ln -s f l && setfattr -h -n trusted.onlink -v 1 l && getfattr -h -n trusted.onlink"
                + " --only-values l && echo && getfattr -n trusted.onlink f; setfattr -h -n user.x -v 1 l");
        assertTrue(r.output().startsWith("1\n"), r.output());
        assertTrue(r.output().contains("Operation not permitted"), r.output());
        assertEquals("1", sh("getfattr --absolute-names -h -n trusted.onlink --only-values '" + m.backing.resolve("xattr/l") + "'")
                .output().trim());
        // exact errnos: size query, ERANGE for a short buffer, ENODATA, XATTR_CREATE/REPLACE
        int fd = NativeIo.open(f.toString(), NativeIo.O_PATH, 0);
        try {
            Name b = Name.of("user.b");
            assertEquals(3, NativeIo.getxattrSize(fd, b));
            assertEquals("ERANGE", Sys.errno(() -> NativeIo.getxattr(fd, b, 2)));
            assertArrayEquals(new byte[] {0, (byte) 0xff, 0}, NativeIo.getxattr(fd, b, 3));
            assertEquals("ERANGE", Sys.errno(() -> NativeIo.listxattr(fd, 3)));
            assertEquals("ENODATA", Sys.errno(() -> NativeIo.getxattr(fd, Name.of("user.none"), 10)));
            assertEquals("ENODATA", Sys.errno(() -> NativeIo.removexattr(fd, Name.of("user.none"))));
            assertEquals("EEXIST", Sys.errno(() -> NativeIo.setxattr(fd, b, new byte[1], NativeIo.XATTR_CREATE)));
            assertEquals("ENODATA", Sys.errno(() -> NativeIo.setxattr(fd, Name.of("user.c"), new byte[1],
                    NativeIo.XATTR_REPLACE)));
            assertEquals("OK", Sys.errno(() -> NativeIo.setxattr(fd, Name.of("user.big"), new byte[3000], 0)));
            assertEquals(3000, NativeIo.getxattr(fd, Name.of("user.big"), 65_536).length);
            // a value too big for the backing FS fails as it fails there (ENOSPC on ext4 without ea_inode)
            Path direct = Files.writeString(m.backing.resolve("xattr-direct"), "");
            int dfd = NativeIo.open(direct.toString(), NativeIo.O_PATH, 0);
            try {
                assertEquals(Sys.errno(() -> NativeIo.setxattr(dfd, Name.of("user.huge"), new byte[65_536], 0)),
                        Sys.errno(() -> NativeIo.setxattr(fd, Name.of("user.huge"), new byte[65_536], 0)));
            } finally {
                NativeIo.close(dfd);
            }
            assertEquals("OK", Sys.errno(() -> NativeIo.setxattr(fd, Name.of("user.empty"), new byte[0], 0)));
            assertEquals(0, NativeIo.getxattrSize(fd, Name.of("user.empty")));
        } finally {
            NativeIo.close(fd);
        }
    }

    @Test
    void dataOps() throws Exception {
        Path d = dir("data");
        Path f = d.resolve("sparse");
        // a sparse file: SEEK_DATA / SEEK_HOLE
        var r = sh("cd '" + d + "' && truncate -s 1M sparse && printf x | dd of=sparse bs=1 seek=524288 conv=notrunc"
                + " status=none && echo ok");
        assertEquals("ok", r.output().trim(), r.output());
        int fd = NativeIo.open(f.toString(), NativeIo.O_RDONLY, 0);
        try {
            assertEquals(524288, NativeIo.lseek(fd, 0, NativeIo.SEEK_DATA));
            assertEquals(0, NativeIo.lseek(fd, 0, NativeIo.SEEK_HOLE));
            long hole = NativeIo.lseek(fd, 524288, NativeIo.SEEK_HOLE);
            assertTrue(hole > 524288 && hole <= 1 << 20, "hole at " + hole);
            assertEquals("ENXIO", Sys.errno(() -> NativeIo.lseek(fd, 2 << 20, NativeIo.SEEK_DATA)));
        } finally {
            NativeIo.close(fd);
        }
        // fallocate: allocate, keep size, punch a hole
        r = sh("cd '" + d + "' && fallocate -l 65536 fa && stat -c %s fa && fallocate -n -o 65536 -l 65536 fa"
                + " && stat -c %s fa && head -c 65536 /dev/urandom > pu && fallocate -p -o 4096 -l 8192 pu"
                + " && cmp -n 8192 -i 4096:0 pu /dev/zero && echo punched");
        assertEquals("65536\n65536\npunched", r.output().trim(), r.output());
        // copy_file_range (cp uses it when it can), also between two files of the mount
        r = sh("cd '" + d + "' && head -c 3000000 /dev/urandom > src && cp --reflink=never src dst && cmp src dst"
                + " && echo same");
        assertEquals("same", r.output().trim(), r.output());
        int in = NativeIo.open(d.resolve("src").toString(), NativeIo.O_RDONLY, 0);
        int out = NativeIo.open(d.resolve("cfr").toString(), NativeIo.O_WRONLY | NativeIo.O_CREAT, 0644);
        try {
            assertEquals(1000, NativeIo.copyFileRange(in, 10, out, 5, 1000, 0));
        } finally {
            NativeIo.close(in);
            NativeIo.close(out);
        }
        byte[] src = Files.readAllBytes(d.resolve("src"));
        byte[] cfr = Files.readAllBytes(m.backing.resolve("data/cfr"));
        assertEquals(1005, cfr.length);
        assertArrayEquals(java.util.Arrays.copyOfRange(src, 10, 1010), java.util.Arrays.copyOfRange(cfr, 5, 1005));
        // O_APPEND appends at the real end, also after the file grew behind the mount's back
        Path ap = Files.writeString(d.resolve("append"), "a");
        Files.writeString(m.backing.resolve("data/append"), "bc", StandardOpenOption.APPEND);
        Files.writeString(ap, "d", StandardOpenOption.APPEND);
        assertEquals("abcd", Files.readString(m.backing.resolve("data/append")));
        // fsync, fdatasync, fsyncdir
        try (FileChannel ch = FileChannel.open(ap, StandardOpenOption.WRITE)) {
            ch.force(true);
            ch.force(false);
        }
        assertEquals(0, sh("sync '" + d + "' && sync -d '" + ap + "'").exit());
        // statfs passes through: same totals as the backing filesystem
        String viaMount = sh("stat -f -c '%S %b %c' '" + mnt + "'").output().trim();
        String direct = sh("stat -f -c '%S %b %c' '" + m.backing + "'").output().trim();
        assertEquals(direct, viaMount);
        // reads and writes at large offsets and sizes, read of a file being extended behind our back
        byte[] big = new byte[5 << 20];
        new java.util.Random(7).nextBytes(big);
        Files.write(d.resolve("big"), big);
        assertArrayEquals(big, Files.readAllBytes(m.backing.resolve("data/big")));
        assertArrayEquals(big, Files.readAllBytes(d.resolve("big")));
    }

    @Test
    void readdirSeesChangesAndHidesTheStore() throws Exception {
        Path d = dir("listing");
        for (int i = 0; i < 50; i++) Files.writeString(d.resolve("e" + i), "");
        try (var s = Files.list(d)) {
            assertEquals(50, s.count());
        }
        Files.writeString(m.backing.resolve("listing/behind"), "");
        try (var s = Files.list(d)) {
            assertEquals(51, s.count());
        }
        try (var s = Files.list(mnt)) {
            assertFalse(s.anyMatch(p -> p.getFileName().toString().equals(".vexfs")));
        }
        assertTrue(Files.isDirectory(m.backing.resolve(".vexfs")));
        assertEquals("ENOENT", Sys.stat(mnt.resolve(".vexfs/vectors.vxv")));
    }

    @Test
    void statOfRootAndDotDot() throws Exception {
        Path d = dir("dots");
        Attr root = NativeIo.fstatat(NativeIo.AT_FDCWD, Sys.name(mnt), 0);
        Attr viaDotDot = NativeIo.fstatat(NativeIo.AT_FDCWD, Name.of(d + "/.."), 0);
        assertEquals(root.ino(), viaDotDot.ino());
        assertTrue(root.isDirectory());
    }
}
