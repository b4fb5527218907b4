package vexfs.cli;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import vexfs.daemon.Daemon;
import vexfs.volume.VolumeLayout;

@Command(name = "mount", mixinStandardHelpOptions = true,
        description = {"Mount BACKING on MOUNTPOINT. Without -f the daemon runs in the background and this command "
                + "returns once the mount answers.",
                "Options (-o, comma separated): allow_other, default_permissions, ro, writeback, direct_io, "
                        + "attr_timeout=S, entry_timeout=S, timeout=S, similar_k=N, readers=N, max_fds=N, libfuse=FILE, "
                        + "passthrough=on|off, sync_vectors, fsname=NAME, nosuid, nodev, noexec, noatime, auto_unmount.",
                "sync_vectors: every vector setxattr/removexattr fsyncs the file and the store before it returns "
                        + "(default: the backing filesystem's durability; fsync, `echo sync > MNT/.vexfs/control` or "
                        + "unmount make vectors durable against power loss)."})
final class MountCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "BACKING")
    Path backing;

    @Parameters(index = "1", paramLabel = "MOUNTPOINT")
    Path mountpoint;

    @Option(names = "-o", paramLabel = "OPTIONS", description = "mount options, comma separated (repeatable)")
    List<String> options = new ArrayList<>();

    @Option(names = {"-f", "--foreground"}, description = "stay in the foreground (logs to stderr)")
    boolean foreground;

    @Option(names = {"-d", "--debug"}, description = "libfuse debug output and debug logging (implies -f)")
    boolean debug;

    @Option(names = "--log", paramLabel = "FILE", description = "daemon log file (default: $XDG_STATE_HOME/vexfs/vexfs-<name>.log, else "
            + "/var/log/vexfs/ for root, ~/.local/state/vexfs/ for others; directory 0700, file 0600)")
    Path log;

    @Option(names = "--wait-seconds", defaultValue = "30", description = "how long to wait for the mount to answer "
            + "while the daemon shows no progress (a graph rebuild logs progress every second, so it is waited for); default ${DEFAULT-VALUE}")
    int waitSeconds;

    @Override
    public Integer call() throws Exception {
        Path b = backing.toAbsolutePath().normalize();
        Path m = mountpoint.toAbsolutePath().normalize();
        MountConfig config;
        try {
            config = MountConfig.parse(options, b);
        } catch (IllegalArgumentException e) {
            System.err.println("vexfs mount: " + e.getMessage());
            return 2;
        }
        if (!Files.isDirectory(b)) {
            System.err.println("vexfs mount: backing directory " + b + " does not exist");
            return 2;
        }
        VolumeLayout.of(b).requireAccess(!config.passthrough().readOnly()); // a private store: exit 2, not a failed daemon
        if (!VolumeLayout.of(b).hasStore()) {
            System.err.println("vexfs mount: " + b + " has no vector store; run vexfs mkfs first");
            return 2;
        }
        if (!Files.isDirectory(m) && Mounts.isVexfsMount(m) && Mounts.isDead(m)) {
            // a VexFS mount whose daemon is gone (kill -9): every access says ENOTCONN until it is unmounted
            System.err.println("vexfs mount: " + m + " was left mounted by a daemon that is gone; unmounting it first");
            Mounts.lazyUnmount(m);
        }
        if (!Files.isDirectory(m)) {
            System.err.println("vexfs mount: mountpoint " + m + " does not exist or is not a directory");
            return 2;
        }
        Path realB = b.toRealPath(), realM = m.toRealPath();
        if (realM.startsWith(realB) || realB.startsWith(realM)) {
            // the daemon would serve requests on its own mount (its threads hang in D state) or walk into itself
            System.err.println("vexfs mount: " + (realM.equals(realB) ? "the mountpoint is the backing directory "
                    + realB : realM.startsWith(realB) ? "mountpoint " + realM + " is inside its backing directory " + realB
                    : "backing directory " + realB + " is inside the mountpoint " + realM)
                    + "; choose a mountpoint outside the backing directory");
            return 2;
        }
        if (Mounts.isVexfsMount(m)) {
            System.err.println("vexfs mount: " + m + " is already a VexFS mount");
            return 2;
        }
        if (foreground || debug) {
            if (config.libfuse() != null) vexfs.fuse.FuseLibrary.use(config.libfuse());
            if (!config.kernelPassthrough()) vexfs.fuse.KernelPassthrough.disable("-o passthrough=off");
            return Daemon.run(b, m, config.kernelOptions(), config.passthrough(), config.similarK(),
                    config.readers(), debug, Main.startNanos(), config.syncVectors());
        }
        return spawnDaemon(b, m);
    }

    /** Starts this same command with -f in a new session (setsid) and waits until the mount answers. */
    private int spawnDaemon(Path b, Path m) throws Exception {
        Path logFile;
        if (log != null) {
            logFile = log;
            LogFiles.createPrivate(logFile);
        } else {
            logFile = LogFiles.defaultLog(m, System.getenv());
        }
        List<String> cmd = new ArrayList<>();
        cmd.add("setsid");
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        cmd.add("mount");
        cmd.add("-f");
        for (String o : options) {
            cmd.add("-o");
            cmd.add(o);
        }
        cmd.add(b.toString());
        cmd.add(m.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        long lastProgress = System.nanoTime();
        long logSize = Files.size(logFile);
        while (System.nanoTime() - lastProgress < waitSeconds * 1_000_000_000L) {
            long size = Files.size(logFile);
            if (size != logSize) { // the daemon is working (a graph rebuild logs every few seconds): keep waiting
                showProgress(logFile, logSize, size);
                logSize = size;
                lastProgress = System.nanoTime();
            }
            if (!p.isAlive()) {
                System.err.println("vexfs mount: the daemon exited with status " + p.exitValue() + "; its log ("
                        + logFile + "):");
                System.err.println(tail(logFile));
                return 1;
            }
            if (Mounts.isVexfsMount(m) && answers(m)) {
                System.out.println("mounted " + b + " on " + m + " (daemon pid " + p.pid() + ", log " + logFile + ")");
                return 0;
            }
            Thread.sleep(20);
        }
        System.err.println("vexfs mount: no answer from the mount and no progress in its log for " + waitSeconds
                + " s; stopping the daemon (log " + logFile + ")");
        p.destroy();
        return 1;
    }

    /** Echoes the daemon's graph progress lines written since {@code from} (the user sees a rebuild advance). */
    private static void showProgress(Path logFile, long from, long to) {
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(logFile.toFile(), "r")) {
            if (to - from > 1 << 16) from = to - (1 << 16);
            f.seek(from);
            byte[] b = new byte[(int) (to - from)];
            f.readFully(b);
            for (String line : new String(b, java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                int at = line.indexOf("graph: ");
                if (at >= 0) System.err.println("vexfs mount: " + line.substring(at));
            }
        } catch (java.io.IOException e) {
            // progress display only
        }
    }

    private static boolean answers(Path m) {
        try {
            Files.readAttributes(m, "unix:ino");
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static String tail(Path f) {
        try {
            // the last 64 KiB at most: a long-lived log can be large
            byte[] end;
            try (var ch = java.nio.channels.FileChannel.open(f)) {
                long size = ch.size();
                long from = Math.max(0, size - 65536);
                java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate((int) (size - from));
                while (b.hasRemaining() && ch.read(b, from + b.position()) > 0) { }
                end = java.util.Arrays.copyOf(b.array(), b.position());
            }
            List<String> lines = new String(end, java.nio.charset.StandardCharsets.UTF_8).lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (Exception e) {
            return "(no log)";
        }
    }
}
