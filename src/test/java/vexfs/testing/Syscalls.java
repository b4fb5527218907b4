package vexfs.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where another process is blocked, read from /proc/PID/task/TID/syscall (the number and arguments of the system
 * call a sleeping thread is in). With it a test waits for a positive event ("the waiter is inside
 * fcntl(F_SETLKW)") instead of sleeping and hoping it got there. Syscall numbers are per architecture.
 */
public final class Syscalls {
    private Syscalls() {}

    private static final boolean AMD64 = System.getProperty("os.arch").equals("amd64");
    private static final boolean AARCH64 = System.getProperty("os.arch").equals("aarch64");
    /** fcntl(2) and flock(2); -1 on an architecture this table does not know. */
    public static final int FCNTL = AMD64 ? 72 : AARCH64 ? 25 : -1;
    public static final int FLOCK = AMD64 ? 73 : AARCH64 ? 32 : -1;

    /** Whether this table knows the running architecture. */
    public static boolean known() {
        return FCNTL >= 0;
    }

    /**
     * Whether a thread of process {@code pid} is inside system call {@code nr} with argument {@code argIndex}
     * (0-based) equal to {@code value}; {@code argIndex < 0} matches any arguments.
     */
    public static boolean inSyscall(long pid, int nr, int argIndex, long value) throws IOException {
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        List<Path> tids;
        try (Stream<Path> s = Files.list(tasks)) {
            tids = s.toList();
        } catch (IOException gone) {
            return false;
        }
        for (Path tid : tids) {
            String line;
            try {
                line = Files.readString(tid.resolve("syscall")).trim();
            } catch (IOException gone) {
                continue;  // the thread ended
            }
            String[] f = line.split(" ");
            if (f.length < 2 || !f[0].equals(Integer.toString(nr))) continue;
            if (argIndex < 0) return true;
            String arg = f[1 + argIndex];
            if (Long.parseUnsignedLong(arg.startsWith("0x") ? arg.substring(2) : arg, 16) == value) return true;
        }
        return false;
    }

    /** Polls until {@link #inSyscall} holds; throws AssertionError after {@code timeout}. */
    public static void awaitInSyscall(long pid, int nr, int argIndex, long value, Duration timeout)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!inSyscall(pid, nr, argIndex, value)) {
            if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                throw new AssertionError("process " + pid + " exited before it blocked in syscall " + nr);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("process " + pid + " was not blocked in syscall " + nr + " within "
                        + timeout.toMillis() + " ms");
            }
            Thread.sleep(10);  // polling for the positive event
        }
    }
}
