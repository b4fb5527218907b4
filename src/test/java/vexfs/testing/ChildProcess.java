package vexfs.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A child process that a test can always get away from: its standard output is drained on a thread of its own
 * (so a child that fills the pipe, or never closes it, cannot block the test), every wait has a deadline, and on
 * a timeout the child and all its descendants are killed. Two ways to read the output: {@link #await} collects
 * all of it as bytes, {@link #nextLine} hands it out line by line for tests that talk to the child.
 * Standard error goes wherever the {@link ProcessBuilder} says (merge it with {@code redirectErrorStream(true)}).
 */
public final class ChildProcess implements AutoCloseable {
    /**
     * How long a finished child's output may take to reach end of file. A process it left behind may hold the
     * pipe: the JDK closes our end when the child exits, but cannot while the drainer is blocked in a read.
     */
    private static final Duration DRAIN_GRACE = Duration.ofSeconds(10);
    private static final Object EOF = new Object();

    /** Exit status and everything the child wrote to standard output. */
    public record Result(int exit, byte[] stdout) {
        public String text() {
            return new String(stdout, StandardCharsets.UTF_8);
        }
    }

    private final Process process;
    private final String command;
    private final ByteArrayOutputStream all = new ByteArrayOutputStream();
    private final BlockingQueue<Object> lines = new LinkedBlockingQueue<>();
    private final Thread drainer;
    /** The child's standard output as /proc names it ("pipe:[inode]"), to find who else holds it; null if unknown. */
    private final String outputPipe;

    private ChildProcess(ProcessBuilder pb) throws IOException {
        this.command = String.join(" ", pb.command());
        this.process = pb.start();
        this.outputPipe = linkOf(Path.of("/proc", Long.toString(process.pid()), "fd", "1"));
        InputStream in = process.getInputStream();
        this.drainer = Thread.ofPlatform().daemon().name("drain-" + process.pid()).start(() -> drain(in));
    }

    /** Starts {@code pb}; its standard output (unless redirected elsewhere) is drained from now on. */
    public static ChildProcess start(ProcessBuilder pb) throws IOException {
        return new ChildProcess(pb);
    }

    /** Runs {@code cmd} to completion within {@code timeout}; standard error is merged into the output. */
    public static Result run(List<String> cmd, Duration timeout) throws IOException, InterruptedException {
        try (ChildProcess p = start(new ProcessBuilder(cmd).redirectErrorStream(true))) {
            return p.await(timeout);
        }
    }

    private void drain(InputStream in) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buf)) > 0) {
                synchronized (all) {
                    all.write(buf, 0, n);
                }
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        lines.add(line.toString(StandardCharsets.UTF_8));
                        line.reset();
                    } else {
                        line.write(buf[i]);
                    }
                }
            }
        } catch (IOException closed) {
            // the stream was closed under us (destroy, or a timeout): what was read is kept
        } finally {
            if (line.size() > 0) lines.add(line.toString(StandardCharsets.UTF_8));
            lines.add(EOF);
        }
    }

    public Process process() {
        return process;
    }

    public long pid() {
        return process.pid();
    }

    /** What the child wrote so far. */
    public byte[] output() {
        synchronized (all) {
            return all.toByteArray();
        }
    }

    public String outputText() {
        return new String(output(), StandardCharsets.UTF_8);
    }

    /**
     * Waits for the child to exit and its output to end. On timeout the child and its descendants are killed and
     * an IOException says what ran and what it had printed.
     */
    public Result await(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        if (!process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
            destroyTree();
            throw new IOException("timeout after " + timeout.toSeconds() + " s (killed): " + command + "\n"
                    + outputText());
        }
        long left = Math.max(deadline - System.nanoTime(), DRAIN_GRACE.toNanos());
        drainer.join(Duration.ofNanos(left));
        if (drainer.isAlive()) {
            // The drainer is blocked in a read of an empty pipe, so all the child wrote before it exited has been
            // read: the result is complete. Someone else holds the write end; say who, so a leak can be found.
            List<String> holders = holdersOf(outputPipe);
            process.getInputStream().close();
            System.err.println("ChildProcess: exited " + process.exitValue() + " but its output stayed open "
                    + DRAIN_GRACE.toSeconds() + " s longer, held by " + (holders.isEmpty() ? "(unknown)" : holders)
                    + ": " + command);
        }
        return new Result(process.exitValue(), output());
    }

    private static String linkOf(Path fd) {
        try {
            return Files.readSymbolicLink(fd).toString();
        } catch (IOException | UnsupportedOperationException e) {
            return null;  // the child has already exited, or there is no /proc
        }
    }

    /** The processes (pid and command line) with a descriptor on {@code pipe}, other than this JVM. */
    private static List<String> holdersOf(String pipe) {
        List<String> holders = new ArrayList<>();
        if (pipe == null) return holders;
        long self = ProcessHandle.current().pid();
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path proc : procs) {
                if (proc.getFileName().toString().equals(Long.toString(self))) continue;
                try (DirectoryStream<Path> fds = Files.newDirectoryStream(proc.resolve("fd"))) {
                    for (Path fd : fds) {
                        if (pipe.equals(linkOf(fd))) {
                            holders.add(proc.getFileName() + " " + cmdline(proc));
                            break;
                        }
                    }
                } catch (IOException gone) {
                    // exited meanwhile, or not ours to read
                }
            }
        } catch (IOException e) {
            holders.add("(/proc unreadable: " + e.getMessage() + ")");
        }
        return holders;
    }

    private static String cmdline(Path proc) {
        try {
            return new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ').trim();
        } catch (IOException e) {
            return "?";
        }
    }

    /** Waits up to {@code timeout} for the child to exit; whether it did. Nothing is killed. */
    public boolean waitFor(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /**
     * The next line of output (without its newline), or null at end of output. Throws if none comes within
     * {@code timeout}; the child is left running (close kills it).
     */
    public String nextLine(Duration timeout) throws IOException, InterruptedException {
        Object l = lines.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        if (l == null) throw new IOException("no line within " + timeout.toMillis() + " ms from: " + command);
        if (l == EOF) {
            lines.add(EOF);
            return null;
        }
        return (String) l;
    }

    /** Whether a complete line is waiting to be read. */
    public boolean hasLine() {
        Object l = lines.peek();
        return l != null && l != EOF;
    }

    /**
     * SIGKILL to the child and every descendant it has, through process handles: the output pipe stays open,
     * so what the child wrote before it died can still be read to end of file.
     */
    public void destroyTree() throws InterruptedException {
        destroyTree(process.toHandle(), Duration.ofSeconds(10));
    }

    /**
     * SIGKILL to {@code root} and its descendants (found before the first kill, while they are still its
     * descendants), then waits up to {@code timeout} for all of them to be gone; whether they are.
     */
    public static boolean destroyTree(ProcessHandle root, Duration timeout) throws InterruptedException {
        List<ProcessHandle> all = new ArrayList<>(root.descendants().toList());
        all.add(root);
        for (ProcessHandle h : all) h.destroyForcibly();
        long deadline = System.nanoTime() + timeout.toNanos();
        for (ProcessHandle h : all) {
            while (h.isAlive()) {
                if (System.nanoTime() > deadline) return false;
                try {
                    h.onExit().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                    // checked again by isAlive and the deadline
                }
            }
        }
        return true;
    }

    /** {@link #destroyTree(ProcessHandle, Duration)} with 10 s to die, for cleanup code that cannot throw. */
    public static void destroyTreeQuietly(ProcessHandle root) {
        try {
            destroyTree(root, Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Kills what is still running (child and descendants) and stops draining. */
    @Override
    public void close() {
        try {
            if (process.isAlive() || process.toHandle().descendants().findAny().isPresent()) destroyTree();
            drainer.join(DRAIN_GRACE);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        if (drainer.isAlive()) {
            try {
                process.getInputStream().close();
            } catch (IOException ignored) {
                // the drainer ends either way
            }
        }
    }
}
