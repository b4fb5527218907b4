package vexfs.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vexfs.embed.Embedder;
import vexfs.embed.Embedders;
import vexfs.fuse.FuseSession;
import vexfs.fuse.MountOptions;
import vexfs.fuse.PreparedSession;
import vexfs.libc.Errno;
import vexfs.libc.FsException;
import vexfs.passthrough.PassthroughOptions;
import vexfs.vector.VectorFs;
import vexfs.volume.Volume;

/**
 * A foreground mount: builds the filesystem over the backing directory, mounts it, unmounts cleanly on
 * SIGINT/SIGTERM (JVM shutdown hook) or when unmounted from outside, and returns the exit status.
 */
public final class Daemon {
    private static final Logger LOG = LoggerFactory.getLogger(Daemon.class);

    private Daemon() {}

    public static int run(Path backing, Path mountpoint, List<String> kernelOptions, PassthroughOptions options,
                          int similarK, int readers, boolean debug) {
        return run(backing, mountpoint, kernelOptions, options, similarK, readers, debug, System.nanoTime(), false);
    }

    /**
     * As above; {@code mainNanos} is System.nanoTime() at main() entry, so the time from there to "mounted and
     * answering" is logged and shown in /.vexfs/stats ({@code mount_ready_ms}); {@code syncVectors}
     * ({@code -o sync_vectors}) fsyncs every vector write before it is acknowledged.
     */
    public static int run(Path backing, Path mountpoint, List<String> kernelOptions, PassthroughOptions options,
                          int similarK, int readers, boolean debug, long mainNanos, boolean syncVectors) {
        LogEscaping.install(); // names and values with control characters cannot forge or garble a log line
        long t0 = System.nanoTime();
        MountOptions defaults = MountOptions.defaults(kernelOptions).withDebug(debug);
        MountOptions mo = new MountOptions(defaults.kernelOptions(), defaults.debug(), readers, defaults.maxInFlight(),
                defaults.blockingThreads());
        // libfuse and the upcall stubs are linked on a second core while this thread opens the store
        SessionPrelink prelink = SessionPrelink.start(mo);
        FuseSession session;
        long tFs = t0, tGraph = t0, tLinked = t0;
        Volume volume = null;
        VectorFs fs = null;
        MountStack wiring = null;
        try {
            volume = openVolume(backing, options.readOnly());
            logPreviousRun(volume.store().recoveryReport());
            fs = VectorFs.over(backing, options, volume.store(), syncVectors);
            LOG.info("vector durability: {}", syncVectors ? "fsync + msync before every acknowledgement (sync_vectors)"
                    : "the backing filesystem's (durable after fsync, sync on the control file, unmount)");
            // nothing is loaded here: the model loads (or the co-process starts) on the first embedding
            Embedder embedder = Embedders.open(volume.embedder(), volume.store().dimension());
            if (embedder != null) {
                if (!options.readOnly()) fs.enableEmbedding(embedder, Long.getLong("vexfs.embed.debounceMillis", 500));
                LOG.info("embedder: {} (loaded on first use)", volume.embedder().label());
            }
            tFs = System.nanoTime();
            wiring = new MountStack(volume, fs, similarK, embedder);
            wiring.modes(options);
            tGraph = System.nanoTime();
            wiring.control.inlineSearches(mo.readerThreads());
            PreparedSession prepared = prelink.await();
            tLinked = System.nanoTime();
            session = FuseSession.mount(prepared, wiring.mounted, mountpoint, mo);
            wiring.attach(session);
        } catch (FsException | IOException | RuntimeException e) {
            prelink.discard();
            if (wiring != null) wiring.close();
            if (fs != null) fs.close();
            if (volume != null) closeQuietly(volume);
            System.err.println("vexfs mount: " + e.getMessage());
            return 1;
        }
        VectorFs served = fs;
        MountStack graph = wiring;
        Volume opened = volume;
        Thread hook = new Thread(() -> {
            session.close();
            graph.close();
            served.close();
            closeQuietly(opened);  // the store is closed cleanly (marked CLEAN) on SIGTERM too
        }, "vexfs-unmount");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            Files.readAttributes(mountpoint, "unix:ino");  // INIT + first GETATTR: the mount answers
        } catch (Exception e) {
            LOG.warn("mount does not answer yet: {}", e.toString());
        }
        long ready = System.nanoTime();
        long jvmMillis = millisSinceProcessStart();
        wiring.readyAfter((ready - mainNanos) / 1e6, (ready - t0) / 1e6, jvmMillis);
        LOG.info("mounted {} on {} in {} ms (store {} ms, graph {} ms, waiting for the stubs {} ms (linked in {} ms "
                        + "beside), fuse {} ms; pid {}; {} ms after main(), ~{} ms after the process started)",
                backing, mountpoint, (ready - t0) / 1_000_000, (tFs - t0) / 1_000_000, (tGraph - tFs) / 1_000_000,
                (tLinked - tGraph) / 1_000_000, prelink.millis(), (ready - tLinked) / 1_000_000,
                ProcessHandle.current().pid(), (ready - mainNanos) / 1_000_000, jvmMillis);
        HeapTrimmer trimmer = HeapTrimmer.forThisJvm().start();
        try {
            session.awaitTermination();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        trimmer.close();
        session.close();
        graph.close();
        served.close();
        closeQuietly(opened);
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or ran: nothing to remove
        }
        LOG.info("unmounted {}", mountpoint);
        return 0;
    }

    /** One line at start: did the last daemon on this store end cleanly, and if not what the store's recovery did. */
    private static void logPreviousRun(List<String> recovery) {
        if (recovery.isEmpty()) {
            LOG.info("the previous run ended cleanly (the store was closed at its unmount)");
        } else {
            LOG.warn("the previous run did not end cleanly (killed or crashed); recovery: {}", String.join("; ", recovery));
        }
    }

    private static Volume openVolume(Path backing, boolean readOnly) throws FsException {
        try {
            return Volume.open(backing, readOnly ? Volume.Access.READ_ONLY : Volume.Access.MOUNT);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new FsException(Errno.ENOENT, e.getReason() != null ? e.getReason() : e.getMessage());
        } catch (IOException e) {
            throw new FsException(Errno.of(e), "cannot open the vector store: " + e.getMessage());
        }
    }

    private static void closeQuietly(Volume v) {
        try {
            v.close();
        } catch (IOException e) {
            LOG.warn("closing the vector store: {}", e.getMessage());
        }
    }

    /**
     * Milliseconds since this process started (exec of the launcher script, which execs the JVM): /proc/uptime
     * minus the start time in /proc/self/stat, both in 10 ms units. -1 if /proc cannot tell.
     * (ProcessHandle's start instant is rounded to whole seconds of the boot time, so useless here.)
     */
    static long millisSinceProcessStart() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long startTicks = Long.parseLong(f[19]); // field 22 (starttime), counting from field 3 (state)
            double uptime = Double.parseDouble(Files.readString(Path.of("/proc/uptime")).split(" ")[0]);
            return Math.round(uptime * 1000 - startTicks * 10.0); // USER_HZ is 100 on Linux
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
