package vexfs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import vexfs.libc.Lock;
import vexfs.libc.NativeIo;

/**
 * POSIX (fcntl) and flock locks between real processes through the mount: conflicts between processes, no
 * conflict within one process, release on any close by the owner, blocking waits that are granted, and waiting
 * processes that can be killed. Lock holders are also seen by processes locking the backing file directly.
 */
@Tag("mount")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocksIT {
    static final int F_WRLCK = 1;
    static final int F_UNLCK = 2;
    Path tmp;
    MountFixture m;

    @BeforeAll
    void mount() throws Exception {
        tmp = Files.createTempDirectory("vexfs-locks-it");
        m = new MountFixture(tmp).mkfs(4, "l2").mount();
    }

    @AfterAll
    void unmount() throws Exception {
        if (m != null) m.close();
        MountFixture.sh("rm -rf '" + tmp + "'");
    }

    /** A LockHolder child process; {@link #line()} reads what it printed. */
    static final class Holder implements AutoCloseable {
        final Process p;
        final BufferedReader out;

        Holder(Path file, long start, long len, String mode) throws Exception {
            List<String> cmd = new ArrayList<>(List.of(MountFixture.java(), "--enable-native-access=ALL-UNNAMED",
                    "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", System.getProperty("java.class.path"),
                    LockHolder.class.getName(), file.toString(), Long.toString(start), Long.toString(len), mode));
            p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        }

        String line() throws Exception {
            return out.readLine();
        }

        @Override
        public void close() throws Exception {
            p.getOutputStream().close();
            if (!p.waitFor(10, TimeUnit.SECONDS)) p.destroyForcibly();
        }
    }

    private static Lock wr(long start, long len) {
        return new Lock(F_WRLCK, NativeIo.SEEK_SET, start, len, 0);
    }

    @Test
    void posixLocksHaveProcessOwnerSemantics() throws Exception {
        Path f = Files.write(m.mnt.resolve("posix"), new byte[1000]);
        try (Holder child = new Holder(f, 0, 100, "try")) {
            String got = child.line();
            assertTrue(got.startsWith("locked "), got);
            long childPid = Long.parseLong(got.substring(7));
            int fd1 = NativeIo.open(f.toString(), NativeIo.O_RDWR, 0);
            int fd2 = NativeIo.open(f.toString(), NativeIo.O_RDWR, 0);
            try {
                // another process's lock: F_GETLK names it (with its pid), F_SETLK conflicts
                Lock seen = NativeIo.fcntlLock(fd1, NativeIo.F_GETLK, wr(50, 10));
                assertEquals(F_WRLCK, seen.type());
                assertEquals(0, seen.start());
                assertEquals(100, seen.len());
                assertEquals(childPid, seen.pid());
                assertEquals("EAGAIN", Sys.errno(() -> NativeIo.fcntlLock(fd1, NativeIo.F_SETLK, wr(50, 10))));
                // a free range can be locked, twice from two descriptors of this one process (same owner)
                NativeIo.fcntlLock(fd1, NativeIo.F_SETLK, wr(200, 10));
                NativeIo.fcntlLock(fd2, NativeIo.F_SETLK, wr(200, 10));
                assertEquals(F_UNLCK, NativeIo.fcntlLock(fd2, NativeIo.F_GETLK, wr(200, 10)).type());
                // the backing file sees our lock too (a process locking it directly conflicts)
                try (Holder direct = new Holder(m.backing.resolve("posix"), 205, 1, "try")) {
                    assertEquals("failed EAGAIN", direct.line());
                }
                // a second child conflicts with our lock...
                try (Holder other = new Holder(f, 205, 1, "try")) {
                    assertEquals("failed EAGAIN", other.line());
                }
            } finally {
                // ...until ANY descriptor of ours is closed: POSIX drops all of a process's locks on the file
                NativeIo.close(fd2);
            }
            try (Holder other = new Holder(f, 205, 1, "try")) {
                assertTrue(other.line().startsWith("locked"), "lock released by close of another fd");
            } finally {
                NativeIo.close(fd1);
            }
        }
    }

    @Test
    void blockingWaitIsGrantedAndAWaiterCanBeKilled() throws Exception {
        Path f = Files.write(m.mnt.resolve("wait"), new byte[100]);
        int fd = NativeIo.open(f.toString(), NativeIo.O_RDWR, 0);
        try {
            NativeIo.fcntlLock(fd, NativeIo.F_SETLK, wr(0, 0));
            try (Holder waiter = new Holder(f, 0, 10, "wait"); Holder victim = new Holder(f, 0, 10, "wait")) {
                Thread.sleep(1500);  // both are waiting in F_SETLKW inside the mount
                assertFalse(waiter.out.ready(), "waiter got the lock while we hold it");
                // kill -9 of a process waiting for a lock: it dies (FUSE_INTERRUPT ends the wait)
                victim.p.destroyForcibly();
                assertTrue(victim.p.waitFor(10, TimeUnit.SECONDS), "a killed lock waiter must die");
                // unlock: the other waiter is granted the lock
                NativeIo.fcntlLock(fd, NativeIo.F_SETLK, new Lock(F_UNLCK, NativeIo.SEEK_SET, 0, 0, 0));
                long t0 = System.nanoTime();
                String got = waiter.line();
                assertTrue(got.startsWith("locked"), got);
                assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(5));
            }
        } finally {
            NativeIo.close(fd);
        }
    }

    @Test
    void flockBetweenProcesses() throws Exception {
        Path f = Files.writeString(m.mnt.resolve("flocked"), "x");
        String q = "'" + f + "'";
        // holder keeps an exclusive flock for a while; a non-blocking try fails, a blocking one waits for it
        var r = MountFixture.sh("flock -x " + q + " -c 'sleep 1.5' & sleep 0.5;"
                + " flock -n -x " + q + " true; echo try=$?;"
                + " s=$(date +%s%N); flock -x " + q + " true; e=$(date +%s%N); echo waited=$(( (e - s) / 1000000 ));"
                + " flock -s " + q + " -c 'flock -n -s " + q + " true; echo shared=$?'; wait");
        assertTrue(r.output().contains("try=1"), r.output());
        assertTrue(r.output().contains("shared=0"), r.output());
        long waited = Long.parseLong(r.output().replaceAll("(?s).*waited=(\\d+).*", "$1"));
        assertTrue(waited >= 500 && waited < 5000, r.output());
        // a process blocked in flock can be killed
        r = MountFixture.sh("flock -x " + q + " -c 'sleep 4' & sleep 0.5; flock -x " + q + " true & w=$!;"
                + " sleep 0.5; kill -9 $w; for i in $(seq 30); do kill -0 $w 2>/dev/null || break; sleep 0.1; done;"
                + " kill -0 $w 2>/dev/null && echo stuck || echo gone; wait");
        assertTrue(r.output().contains("gone"), r.output());
    }
}
