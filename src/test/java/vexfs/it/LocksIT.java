package vexfs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
import vexfs.testing.ChildProcess;
import vexfs.testing.Syscalls;

/**
 * POSIX (fcntl) and flock locks between real processes through the mount: conflicts between processes, no
 * conflict within one process, release on any close by the owner, blocking waits that are granted, and waiting
 * processes that can be killed. Run in both lock modes: {@link KernelLocksIT} (the kernel keeps the locks, the
 * default) and {@link BackingLocksIT} (the daemon takes them on the backing files, so processes locking a backing
 * file directly see them too).
 */
@Tag("mount")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LocksIT {
    static final int F_WRLCK = 1;
    static final int F_UNLCK = 2;
    Path tmp;
    MountFixture m;

    @BeforeAll
    void mount() throws Exception {
        assumeTrue(Syscalls.known(), "waits are observed through /proc/PID/syscall: syscall numbers unknown here");
        tmp = Files.createTempDirectory("vexfs-locks-it");
        m = new MountFixture(tmp, "locks=" + (backingLocks() ? "backing" : "kernel")).mkfs(4, "l2").mount();
    }

    /** Whether this mount serves locks on the backing files (-o locks=backing). */
    abstract boolean backingLocks();

    @AfterAll
    void unmount() throws Exception {
        if (m != null) m.close();
        MountFixture.sh("rm -rf '" + tmp + "'");
    }

    /** A LockHolder child process; {@link #line()} reads what it printed. */
    static final class Holder implements AutoCloseable {
        final ChildProcess p;

        Holder(Path file, long start, long len, String mode) throws Exception {
            List<String> cmd = new ArrayList<>(List.of(MountFixture.java(), "--enable-native-access=ALL-UNNAMED",
                    "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", System.getProperty("java.class.path"),
                    LockHolder.class.getName(), file.toString(), Long.toString(start), Long.toString(len), mode));
            p = ChildProcess.start(new ProcessBuilder(cmd).redirectErrorStream(true));
        }

        String line() throws Exception {
            return p.nextLine(LINE_TIMEOUT);
        }

        /** Waits until the holder is inside fcntl(F_SETLKW): asking for the lock, not holding it. */
        void awaitWaiting() throws Exception {
            Syscalls.awaitInSyscall(p.pid(), Syscalls.FCNTL, 1, NativeIo.F_SETLKW, LINE_TIMEOUT);
        }

        @Override
        public void close() throws IOException {
            p.process().getOutputStream().close();
            try {
                p.waitFor(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                p.close();
            }
        }
    }

    /** How long a child may take to say something (a JVM starting on a loaded machine). */
    static final Duration LINE_TIMEOUT = Duration.ofSeconds(30);

    private static Lock wr(long start, long len) {
        return new Lock(F_WRLCK, NativeIo.SEEK_SET, start, len, 0);
    }

    @Test
    void posixLocksHaveProcessOwnerSemantics() throws Exception {
        Path f = Files.write(m.mnt.resolve("posix"), new byte[1000]);
        try (Holder child = new Holder(f, 0, 100, "try")) {
            String got = child.line();
            assertTrue(got.startsWith("locked "), got);
            long childPid = Long.parseLong(got.split(" ")[1]);
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
                // with locks=backing the backing file sees our lock too (a process locking it directly conflicts)
                try (Holder direct = new Holder(m.backing.resolve("posix"), 205, 1, "try")) {
                    if (backingLocks()) assertEquals("failed EAGAIN", direct.line());
                    else assertTrue(direct.line().startsWith("locked"), "kernel locks stay in the mount");
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
                // both are waiting in F_SETLKW inside the mount (seen in /proc, not assumed after a sleep)...
                waiter.awaitWaiting();
                victim.awaitWaiting();
                // ...so neither has the lock
                assertFalse(waiter.p.hasLine(), "waiter got the lock while we hold it");
                // kill -9 of a process waiting for a lock: it dies (FUSE_INTERRUPT ends the wait)
                victim.p.process().toHandle().destroyForcibly();
                assertTrue(victim.p.waitFor(Duration.ofSeconds(10)), "a killed lock waiter must die");
                // unlock: the other waiter is granted the lock, after (not before) the unlock
                long unlockAt = System.nanoTime();
                NativeIo.fcntlLock(fd, NativeIo.F_SETLK, new Lock(F_UNLCK, NativeIo.SEEK_SET, 0, 0, 0));
                String got = waiter.line();
                assertTrue(got.startsWith("locked"), got);
                long grantedAt = Long.parseLong(got.split(" ")[2]);
                assertTrue(grantedAt > unlockAt, "granted " + (unlockAt - grantedAt) + " ns before the unlock");
                assertTrue(grantedAt - unlockAt < TimeUnit.SECONDS.toNanos(5));
            }
        } finally {
            NativeIo.close(fd);
        }
    }

    @Test
    void flockBetweenProcesses() throws Exception {
        Path f = Files.writeString(m.mnt.resolve("flocked"), "x");
        String q = "'" + f + "'";
        // a holder keeps an exclusive flock until we create its release file
        try (ChildProcess holder = flockHolder(f, "release1")) {
            assertEquals("held", holder.nextLine(LINE_TIMEOUT));
            assertEquals(1, MountFixture.sh("flock -n -x " + q + " true").exit(), "a non-blocking try must fail");
            // a blocking one waits inside flock(2) until the holder lets go, and only then gets the lock
            try (ChildProcess waiter = ChildProcess.start(new ProcessBuilder("flock", "-x", f.toString(), "-c",
                    "test -e '" + tmp.resolve("release1") + "' && echo after-release || echo early")
                    .redirectErrorStream(true))) {
                Syscalls.awaitInSyscall(waiter.pid(), Syscalls.FLOCK, -1, 0, LINE_TIMEOUT);
                Files.createFile(tmp.resolve("release1"));
                assertEquals("after-release", waiter.nextLine(LINE_TIMEOUT));
                assertEquals(0, waiter.await(LINE_TIMEOUT).exit());
            }
            assertEquals(0, holder.await(LINE_TIMEOUT).exit());
        }
        var r = MountFixture.sh("flock -s " + q + " -c 'flock -n -s " + q + " true; echo shared=$?'");
        assertTrue(r.output().contains("shared=0"), r.output());
        // a process blocked in flock can be killed
        try (ChildProcess holder = flockHolder(f, "release2")) {
            assertEquals("held", holder.nextLine(LINE_TIMEOUT));
            try (ChildProcess waiter = ChildProcess.start(new ProcessBuilder("flock", "-x", f.toString(), "true"))) {
                Syscalls.awaitInSyscall(waiter.pid(), Syscalls.FLOCK, -1, 0, LINE_TIMEOUT);
                waiter.process().toHandle().destroyForcibly();
                assertTrue(waiter.waitFor(Duration.ofSeconds(3)), "a process blocked in flock must die on kill -9");
            }
            Files.createFile(tmp.resolve("release2"));
            assertEquals(0, holder.await(LINE_TIMEOUT).exit());
        }
    }

    /** flock -x on {@code f}: prints "held" once it has the lock, and keeps it until {@code release} exists in tmp. */
    private ChildProcess flockHolder(Path f, String release) throws Exception {
        String until = "'" + tmp.resolve(release) + "'";
        return ChildProcess.start(new ProcessBuilder("flock", "-x", f.toString(), "-c",
                "echo held; while [ ! -e " + until + " ]; do sleep 0.02; done").redirectErrorStream(true));
    }
}
