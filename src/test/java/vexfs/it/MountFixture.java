package vexfs.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import vexfs.testing.ChildProcess;

/**
 * A real VexFS mount for integration tests: the daemon runs as a separate JVM ({@code vexfs mount -f}) over a
 * backing directory, through /dev/fuse. {@link #close()} unmounts in every outcome: fusermount3 -u, then kill
 * and a lazy unmount if the daemon does not go away.
 */
public final class MountFixture implements AutoCloseable {
    public final Path backing;
    public final Path mnt;
    public final Path log;
    private Process daemon;
    private final List<String> options;
    private final List<String> cliFlags = new ArrayList<>();
    private final List<String> jvmFlags = new ArrayList<>();
    private final List<String> launchPrefix = new ArrayList<>();

    public MountFixture(Path root, String... options) throws IOException {
        this.backing = Files.createDirectories(root.resolve("backing"));
        this.mnt = Files.createDirectories(root.resolve("mnt"));
        this.log = root.resolve("daemon.log");
        this.options = List.of(options);
    }

    /** Extra flags for {@code vexfs mount} (e.g. "-d"). */
    public MountFixture cliFlags(String... flags) {
        cliFlags.addAll(List.of(flags));
        return this;
    }

    /** Extra JVM flags for the daemon (e.g. "-Dvexfs.lane.getattr=virtual"). */
    public MountFixture jvmFlags(String... flags) {
        jvmFlags.addAll(List.of(flags));
        return this;
    }

    /** Starts the daemon with its descriptor limit (soft and hard) at {@code n}, as {@code ulimit -n n} would. */
    public MountFixture nofile(int n) {
        return launchPrefix("prlimit", "--nofile=" + n + ":" + n, "--");  // prlimit execs the daemon: same pid
    }

    /** Starts the daemon through {@code cmd} (a command that execs the rest, e.g. setpriv or prlimit). */
    public MountFixture launchPrefix(String... cmd) {
        launchPrefix.addAll(List.of(cmd));
        return this;
    }

    public static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    /** A command line running vexfs.cli.Main with the test classpath and the same JVM flags as the launcher. */
    public static List<String> vexfsCommand(String... args) {
        List<String> cmd = new ArrayList<>(List.of(java(), "--enable-native-access=ALL-UNNAMED",
                "--add-modules", "jdk.incubator.vector", "-XX:+UseSerialGC", "-Xss512k",
                "-cp", System.getProperty("java.class.path"), "vexfs.cli.Main"));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** Runs a vexfs CLI command to completion; returns exit code and output. */
    public static Result cli(String... args) throws IOException, InterruptedException {
        return run(vexfsCommand(args));
    }

    public record Result(int exit, String output) {}

    /** Runs {@code script} in bash as nobody (uid/gid 65534) with no supplementary groups. */
    public static Result asNobody(String script) throws IOException, InterruptedException {
        return asNobody(null, script);
    }

    /** Runs {@code script} in bash as nobody (uid/gid 65534) with {@code groups} as supplementary groups (null: none). */
    public static Result asNobody(String groups, String script) throws IOException, InterruptedException {
        return run(List.of("setpriv", "--reuid=65534", "--regid=65534",
                groups == null ? "--clear-groups" : "--groups=" + groups, "bash", "-c", script));
    }

    /** How long one command may run before it (and what it started) is killed and the test fails. */
    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(120);

    /** Runs {@code cmd} to completion (output drained on another thread; killed with its children after 120 s). */
    public static Result run(List<String> cmd) throws IOException, InterruptedException {
        ChildProcess.Result r = ChildProcess.run(cmd, COMMAND_TIMEOUT);
        return new Result(r.exit(), r.text());
    }

    /** Runs a shell command (bash -c) and returns exit code and combined output. */
    public static Result sh(String script) throws IOException, InterruptedException {
        return run(List.of("bash", "-c", script));
    }

    public MountFixture mkfs(int dim, String metric) throws IOException, InterruptedException {
        Result r = cli("mkfs", "--dim", Integer.toString(dim), "--metric", metric, backing.toString());
        if (r.exit() != 0) throw new IOException("mkfs failed: " + r.output());
        return this;
    }

    public MountFixture mount() throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("mount", "-f"));
        args.addAll(cliFlags);
        for (String o : options) {
            args.add("-o");
            args.add(o);
        }
        args.add(backing.toString());
        args.add(mnt.toString());
        List<String> cmd = vexfsCommand(args.toArray(String[]::new));
        cmd.addAll(1, jvmFlags);
        cmd.addAll(0, launchPrefix);
        daemon = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!daemon.isAlive()) throw new IOException("daemon exited " + daemon.exitValue() + ":\n" + log());
            if (isMounted()) return this;
            Thread.sleep(20);
        }
        close();
        throw new IOException("mount did not come up in 30 s:\n" + log());
    }

    public boolean isMounted() throws IOException {
        String mp = mnt.toAbsolutePath().toString();
        for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
            String[] f = line.split(" ");
            if (f.length > 4 && f[4].equals(mp) && line.contains("fuse.vexfs")) return true;
        }
        return false;
    }

    public Process daemon() {
        return daemon;
    }

    public String log() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** The value of {@code key} in /.vexfs/stats (read now); AssertionError if the mount shows no such row. */
    public String stat(String key) throws IOException {
        for (String line : Files.readAllLines(mnt.resolve(".vexfs/stats"))) {
            String[] kv = line.trim().split("\\s+");
            if (kv.length == 2 && kv[0].equals(key)) return kv[1];
        }
        throw new AssertionError("no " + key + " in stats");
    }

    /**
     * Waits until the graph is in service ({@code graph_state ready} in /.vexfs/stats): a fresh build has then been
     * renamed over graph.vxg. AssertionError after {@code timeoutMillis}.
     */
    public void awaitGraphReady(long timeoutMillis) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        String state = stat("graph_state");
        while (!state.equals("ready") && System.nanoTime() < deadline) {
            Thread.sleep(20);
            state = stat("graph_state");
        }
        if (!state.equals("ready")) throw new AssertionError("graph_state " + state + " after " + timeoutMillis + " ms");
    }

    /** kill -9 of the daemon, then a lazy unmount of the dead mount (the kernel answers ENOTCONN until then). */
    public void kill9() throws IOException, InterruptedException {
        if (daemon != null) ChildProcess.destroyTree(daemon.toHandle(), Duration.ofSeconds(10));
        sh("fusermount3 -uz '" + mnt + "' 2>/dev/null; true");
    }

    /** Unmounts in every outcome. Interrupted: still unmounts lazily, then keeps the interrupt set. */
    @Override
    public void close() throws IOException {
        try {
            if (isMounted()) sh("fusermount3 -u '" + mnt + "' || fusermount3 -uz '" + mnt + "'");
            if (daemon != null && !daemon.waitFor(15, TimeUnit.SECONDS)) {
                ChildProcess.destroyTree(daemon.toHandle(), Duration.ofSeconds(5));
            }
            if (isMounted()) sh("fusermount3 -uz '" + mnt + "'");
        } catch (InterruptedException e) {
            if (daemon != null) daemon.destroyForcibly();
            new ProcessBuilder("fusermount3", "-uz", mnt.toString()).start();
            Thread.currentThread().interrupt();
        }
    }

    /** Exit status of the daemon after close (to check it shut down cleanly). */
    public int daemonExit() {
        return daemon.exitValue();
    }

    /** Exit code and standard output as raw bytes (output that need not be UTF-8); standard error is discarded. */
    public record ByteResult(int exit, byte[] stdout) {}

    /** Runs {@code cmd} to completion, keeping its standard output byte for byte. */
    public static ByteResult runBytes(List<String> cmd) throws IOException, InterruptedException {
        try (ChildProcess p = ChildProcess.start(new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD))) {
            ChildProcess.Result r = p.await(COMMAND_TIMEOUT);
            return new ByteResult(r.exit(), r.stdout());
        }
    }
}
