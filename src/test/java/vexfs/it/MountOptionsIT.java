package vexfs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each mount option has the effect it promises, observed from outside: ro, direct_io, attr/entry timeouts,
 * allow_other, default_permissions, writeback, -d; and mount(8) with type fuse.vexfs through scripts/mount.vexfs,
 * from the command line and from an fstab line.
 */
@Tag("mount")
class MountOptionsIT {
    private static void open755(Path tmp) throws Exception {
        MountFixture.sh("chmod 755 '" + tmp + "'");
    }

    @Test
    void readOnly(@TempDir Path tmp) throws Exception {
        try (MountFixture m = new MountFixture(tmp, "ro").mkfs(4, "l2")) {
            Files.writeString(m.backing.resolve("f"), "data");
            m.mount();
            assertEquals("data", Files.readString(m.mnt.resolve("f")));
            assertEquals("EROFS", Sys.open(m.mnt.resolve("f"), vexfs.libc.NativeIo.O_WRONLY));
            assertEquals("EROFS", Sys.mkdir(m.mnt.resolve("d")));
            assertEquals("EROFS", Sys.unlink(m.mnt.resolve("f")));
            var r = MountFixture.sh("setfattr -n user.x -v 1 '" + m.mnt.resolve("f") + "'; touch '" + m.mnt.resolve("f") + "'");
            assertTrue(r.output().contains("Read-only file system"), r.output());
            assertEquals("data", Files.readString(m.backing.resolve("f")));
            var v = MountFixture.sh("setfattr -n user.vexfs.vector -v 1,2,3,4 '" + m.mnt.resolve("f") + "'");
            assertTrue(v.output().contains("Read-only file system"), "no vector can be set: " + v.output());
            // search works: read-only is the daemon's (a kernel ro mount would refuse the search file's O_RDWR open)
            var q = MountFixture.sh("exec 3<>'" + m.mnt.resolve(".vexfs/search") + "' && echo 1,0,0,0 >&3 && cat <&3"
                    + " && grep -E '^mode_read_only' '" + m.mnt.resolve(".vexfs/stats") + "'");
            assertEquals(0, q.exit(), q.output());
            assertTrue(q.output().contains("yes"), q.output());
            var ctl = MountFixture.sh("echo reindex > '" + m.mnt.resolve(".vexfs/control") + "'");
            assertTrue(ctl.output().contains("Read-only file system"), "maintenance is refused: " + ctl.output());
        }
    }

    /** A file rewritten behind the mount (same size): a cached read is stale, a direct_io read is not. */
    @Test
    void directIoBypassesThePageCache(@TempDir Path tmp) throws Exception {
        for (boolean direct : new boolean[] {false, true}) {
            Path root = Files.createDirectories(tmp.resolve(direct ? "direct" : "cached"));
            // the cached half compares with the page cache; kernel passthrough (3.17) reads the backing file itself
            // and would see "new!" too (KernelPassthroughIT covers that mode)
            String opts = "attr_timeout=60,entry_timeout=60" + (direct ? ",direct_io" : ",passthrough=off");
            try (MountFixture m = new MountFixture(root, opts).mkfs(4, "l2").mount()) {
                Path f = Files.writeString(m.mnt.resolve("f"), "old!");
                try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
                    ByteBuffer b = ByteBuffer.allocate(4);
                    ch.read(b, 0);
                    Files.writeString(m.backing.resolve("f"), "new!");
                    b.clear();
                    ch.read(b, 0);
                    assertEquals(direct ? "new!" : "old!", new String(b.array()), "direct_io=" + direct);
                }
                assertTrue(m.log().contains("direct_io " + (direct ? "on" : "off")), m.log());
            }
        }
    }

    /** A chmod and a rename behind the mount stay invisible for the timeouts, and are seen at once with 0. */
    @Test
    void attrAndEntryTimeouts(@TempDir Path tmp) throws Exception {
        for (String t : new String[] {"60", "0"}) {
            Path root = Files.createDirectories(tmp.resolve("t" + t));
            try (MountFixture m = new MountFixture(root, "attr_timeout=" + t + ",entry_timeout=" + t).mkfs(4, "l2")
                    .mount()) {
                Path f = Files.writeString(m.mnt.resolve("f"), "x");
                Files.writeString(m.mnt.resolve("g"), "y");
                assertEquals("644", MountFixture.sh("stat -c %a '" + f + "'").output().trim());
                MountFixture.sh("chmod 600 '" + m.backing.resolve("f") + "'; mv '" + m.backing.resolve("g") + "' '"
                        + m.backing.resolve("h") + "'");
                String mode = MountFixture.sh("stat -c %a '" + f + "'").output().trim();
                String old = Sys.stat(m.mnt.resolve("g"));
                if (t.equals("60")) {
                    assertEquals("644", mode, "attributes cached for attr_timeout");
                    assertEquals("OK", old, "entry cached for entry_timeout");
                } else {
                    assertEquals("600", mode);
                    assertEquals("ENOENT", old);
                }
            }
        }
    }

    @Test
    void allowOtherAndDefaultPermissions(@TempDir Path tmp) throws Exception {
        open755(tmp);
        String[] variants = {"", "allow_other", "allow_other,default_permissions"};
        for (int i = 0; i < variants.length; i++) {
            Path root = Files.createDirectories(tmp.resolve("v" + i));
            open755(root);
            String[] opts = variants[i].isEmpty() ? new String[0] : new String[] {variants[i]};
            try (MountFixture m = new MountFixture(root, opts).mkfs(4, "l2").mount()) {
                Files.writeString(m.mnt.resolve("secret"), "s");
                MountFixture.sh("chmod 600 '" + m.mnt.resolve("secret") + "'; chmod 755 '" + m.mnt + "'");
                var r = MountFixture.asNobody("ls '" + m.mnt + "' && cat '" + m.mnt.resolve("secret") + "'");
                switch (i) {
                    // without allow_other only the mounting user may enter at all
                    case 0 -> assertTrue(r.output().contains("Permission denied") && !r.output().contains("secret"),
                            r.output());
                    // allow_other alone: the daemon (root) decides, and as a passthrough it allows everything;
                    // access(2) is then asked of the daemon (FUSE_ACCESS), which answers as root would
                    case 1 -> {
                        assertEquals("secret\ns", r.output().trim(), r.output());
                        var x = MountFixture.sh("cd '" + m.mnt + "' && touch plain && chmod 644 plain && cp plain exe"
                                + " && chmod 700 exe && { test -x plain; echo $?; test -x exe; echo $?;"
                                + " test -w secret; echo $?; }");
                        assertEquals("1\n0\n0", x.output().trim(), x.output());
                    }
                    // with default_permissions the kernel checks modes: the listing works, the 0600 file does not
                    default -> {
                        assertTrue(r.output().startsWith("secret\n"), r.output());
                        assertTrue(r.output().contains("Permission denied"), r.output());
                    }
                }
            }
        }
    }

    @Test
    void writebackCache(@TempDir Path tmp) throws Exception {
        try (MountFixture m = new MountFixture(tmp, "writeback").mkfs(4, "l2").mount()) {
            // small appends and overwrites are gathered by the kernel; the result must still be exact
            Path f = m.mnt.resolve("wb");
            var r = MountFixture.sh("cd '" + m.mnt + "' && for i in $(seq 1 500); do echo \"line $i\" >> wb; done"
                    + " && printf XY | dd of=wb bs=1 seek=5 conv=notrunc status=none && exec 3>>wb && echo tail >&3"
                    + " && exec 3>&- && sync wb && wc -l < wb && head -c 12 wb");
            assertEquals("500\nline XYline", r.output().trim(), r.output());  // Y replaced the first newline
            byte[] viaBacking = Files.readAllBytes(m.backing.resolve("wb"));
            assertEquals(new String(Files.readAllBytes(f)), new String(viaBacking));
            // a write-only open still works (the daemon opens read-write for the kernel's read-modify-write)
            try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
                ch.write(ByteBuffer.wrap("Z".getBytes()), 1);
            }
            assertEquals('Z', (char) Files.readAllBytes(m.backing.resolve("wb"))[1]);
            assertTrue(m.log().contains("writeback cache on"), m.log());
        }
    }

    @Test
    void debugFlag(@TempDir Path tmp) throws Exception {
        try (MountFixture m = new MountFixture(tmp).cliFlags("-d").mkfs(4, "l2").mount()) {
            Files.writeString(m.mnt.resolve("f"), "x");
            assertTrue(m.log().contains("opcode: CREATE"), "libfuse's debug trace is in the log");
        }
    }

    /**
     * mount(8): type fuse.vexfs runs /sbin/mount.fuse.vexfs (our scripts/mount.vexfs) as
     * {@code mount.fuse.vexfs SOURCE DIR -o OPTS}; it starts the daemon in the background. The helper link is made
     * for the test if the machine has none, and removed again.
     */
    @Test
    void mountCommandAndFstab(@TempDir Path tmp) throws Exception {
        Path helper = Path.of("/sbin/mount.fuse.vexfs");
        Path script = Path.of("scripts/mount.vexfs").toAbsolutePath();
        boolean made = false;
        Path previous = null; // a link of another checkout (or a dangling one) is replaced for the test, then restored
        if (Files.isSymbolicLink(helper) && !Files.readSymbolicLink(helper).equals(script)) {
            previous = Files.readSymbolicLink(helper);
            Files.delete(helper);
        }
        if (!Files.exists(helper, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.createSymbolicLink(helper, script);
            made = true;
        }
        Path launcher = tmp.resolve("vexfs-launcher");
        Files.writeString(launcher, "#!/bin/sh\nexec " + String.join(" ", MountFixture.vexfsCommand().stream()
                .map(a -> "'" + a + "'").toList()) + " \"$@\"\n");
        launcher.toFile().setExecutable(true);
        Path backing = Files.createDirectories(tmp.resolve("backing"));
        Path mnt = Files.createDirectories(tmp.resolve("mnt"));
        Files.writeString(backing.resolve("hello"), "world");
        assertEquals(0, MountFixture.cli("mkfs", "--dim", "4", "--metric", "l2", backing.toString()).exit());
        String env = "VEXFS_LAUNCHER='" + launcher + "' VEXFS_LOG='" + tmp.resolve("log") + "' ";
        try {
            var r = MountFixture.sh(env + "mount -t fuse.vexfs '" + backing + "' '" + mnt + "'"
                    + " -o ro,allow_other,attr_timeout=2,noauto,x-systemd.automount && cat '" + mnt + "/hello'"
                    + " && grep \" $(realpath '" + mnt + "') fuse.vexfs \" /proc/mounts");
            assertEquals(0, r.exit(), r.output() + MountFixture.sh("cat '" + tmp.resolve("log") + "'").output());
            assertTrue(r.output().contains("world"), r.output());
            assertTrue(r.output().contains("allow_other"), r.output());
            assertEquals("EROFS", Sys.mkdir(mnt.resolve("d")), "-o ro from fstab: read-only (enforced by the daemon)");
            assertEquals(0, MountFixture.sh("umount '" + mnt + "'").exit());
            waitUnmounted(mnt);
            Path fstab = tmp.resolve("fstab");
            Files.writeString(fstab, backing + " " + mnt + " fuse.vexfs defaults,noauto,default_permissions,nofail 0 0\n");
            r = MountFixture.sh(env + "mount -T '" + fstab + "' '" + mnt + "' && echo new > '" + mnt + "/made'"
                    + " && grep \" $(realpath '" + mnt + "') fuse.vexfs \" /proc/mounts");
            assertEquals(0, r.exit(), r.output());
            assertTrue(r.output().contains("rw,") && r.output().contains("default_permissions"), r.output());
            assertTrue(r.output().contains(backing.toRealPath() + " " + mnt.toRealPath() + " fuse.vexfs "),
                    "the source is the backing dir: " + r.output());
            assertEquals("new\n", Files.readString(backing.resolve("made")));
            assertEquals(0, MountFixture.sh("umount '" + mnt + "'").exit());
            waitUnmounted(mnt);
            // mount -a twice: the second sees the entry mounted (same source and target) and does nothing
            Files.writeString(fstab, backing + " " + mnt + " fuse.vexfs defaults,nofail 0 0\n");
            for (int i = 0; i < 2; i++) {
                r = MountFixture.sh(env + "mount -a -T '" + fstab + "'");
                assertEquals(0, r.exit(), "mount -a, time " + (i + 1) + ": " + r.output());
            }
            assertEquals("1", MountFixture.sh("grep -c \" $(realpath '" + mnt + "') fuse.vexfs \" /proc/mounts").output()
                    .strip(), "mounted once");
            assertEquals(0, MountFixture.sh("umount '" + mnt + "'").exit());
            waitUnmounted(mnt);
        } finally {
            MountFixture.sh("grep -q ' " + mnt + " ' /proc/mounts && fusermount3 -uz '" + mnt + "'; true");
            if (made) Files.deleteIfExists(helper);
            if (previous != null && !Files.exists(helper, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                Files.createSymbolicLink(helper, previous);
            }
        }
    }

    private static void waitUnmounted(Path mnt) throws Exception {
        for (int i = 0; i < 100; i++) {
            if (!Files.readString(Path.of("/proc/self/mountinfo")).contains(" " + mnt + " ")) break;
            Thread.sleep(50);
        }
        assertFalse(Files.readString(Path.of("/proc/self/mountinfo")).contains(" " + mnt + " "));
        // the background daemon exits once unmounted
        boolean running = true;
        for (int i = 0; i < 100 && running; i++) {
            running = ProcessHandle.allProcesses().anyMatch(p -> p.info().arguments()
                    .map(a -> String.join(" ", a)).filter(c -> c.contains("vexfs.cli.Main mount -f")
                            && c.endsWith(" " + mnt)).isPresent());
            if (running) Thread.sleep(50);
        }
        assertFalse(running, "daemon still running after unmount");
    }
}
