package vexfs.daemon;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vexfs.control.ControlFs;
import vexfs.control.ControlTreeRouter;
import vexfs.control.IndexedSearchBackend;
import vexfs.embed.Embedder;
import vexfs.fuse.FuseFilesystem;
import vexfs.fuse.FuseSession;
import vexfs.fuse.Op;
import vexfs.fuse.OpStats;
import vexfs.store.VectorStore;
import vexfs.vector.VectorFs;
import vexfs.volume.MountedGraph;
import vexfs.volume.Volume;

/**
 * The filesystem stack of one mount, assembled over an open volume: the passthrough of the backing directory,
 * decorated by the vector layer ({@link VectorFs}), decorated by the /.vexfs control tree
 * ({@link ControlTreeRouter}); the volume's HNSW graph ({@link MountedGraph}: built, checked, compacted and
 * replaced in the background) follows every store change the vector layer makes, and the control tree searches it.
 * {@link #mounted} is what the session serves.
 */
final class MountStack implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MountStack.class);

    final MountedGraph graph;
    final ControlFs control;
    final FuseFilesystem mounted;

    MountStack(Volume volume, VectorFs fs, int similarK, Embedder embedder) throws IOException {
        VectorStore store = volume.store();
        // never waits for a build: a missing or damaged graph is built in the background, search is exact meanwhile
        this.graph = MountedGraph.open(volume);
        Path backing = volume.layout().backing();
        fs.setIndexUpdates(graph);
        IndexedSearchBackend backend = new IndexedSearchBackend(store, graph, fs::pathOf, fs::hintOf, fs::keyOf, backing,
                () -> store.changeCount() + fs.hintChanges());
        if (embedder != null) backend.attachEmbedding(embedder, fs::awaitEmbedded, fs::embedStats);
        backend.alsoSync(fs::sync);
        this.control = new ControlFs(backend, backing, similarK);
        control.readOnly(volume.access() == Volume.Access.READ_ONLY);
        this.mounted = new ControlTreeRouter(fs, control);
        this.vectorFs = fs;
    }

    private final VectorFs vectorFs;

    private volatile String[][] readyRows = new String[0][];

    /**
     * Records how long the mount took to answer: from main() entry, from Daemon.run entry, and from the process
     * start (kernel start time of the process, 10 ms resolution; -1 if unknown). Shown in /.vexfs/stats.
     */
    void readyAfter(double fromMainMillis, double fromDaemonMillis, long fromProcessMillis) {
        readyRows = new String[][] {
                {"mount_ready_ms", String.format(java.util.Locale.ROOT, "%.1f", fromMainMillis)},
                {"mount_ready_daemon_ms", String.format(java.util.Locale.ROOT, "%.1f", fromDaemonMillis)},
                {"mount_ready_process_ms", Long.toString(fromProcessMillis)}};
    }

    private final long startNanos = System.nanoTime();
    private volatile String[][] modeRows = new String[0][];
    private volatile String libfuse = "?";

    /** The mount's active modes, shown in stats (read-only, cache and lock modes). */
    void modes(vexfs.passthrough.PassthroughOptions o) {
        modeRows = new String[][] {
                {"mode_read_only", o.readOnly() ? "yes" : "no"},
                {"mode_writeback_cache", o.writeback() ? "on" : "off"},
                {"mode_direct_io", o.directIo() ? "on" : "off"},
                {"mode_locks", o.backingLocks() ? "backing" : "kernel"},
                {"mode_attr_timeout_s", Double.toString(o.attrTimeout())},
                {"mode_entry_timeout_s", Double.toString(o.entryTimeout())}};
    }

    /** Adds the session's request statistics (in-flight, per-op counts and p50/p99, stack depth) to stats. */
    void attach(FuseSession session) {
        libfuse = vexfs.fuse.FuseLibrary.packageVersion();
        control.attachInvalidator(session::invalidateEntry);
        control.attachSessionStats(() -> {
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"version", vexfs.base.BuildInfo.VERSION});
            rows.add(new String[] {"libfuse_version", libfuse});
            rows.add(new String[] {"uptime_s", Long.toString((System.nanoTime() - startNanos) / 1_000_000_000L)});
            rows.addAll(List.of(readyRows));
            rows.addAll(List.of(modeRows));
            rows.add(new String[] {"kernel_passthrough", session.passthroughMode()});
            rows.add(new String[] {"mode_sync_vectors", vectorFs.syncEveryCall() ? "on" : "off"});
            rows.add(new String[] {"vectors_store_only", Long.toString(vectorFs.storeOnlyVectors())});
            var nodes = vectorFs.nodeCounts();
            rows.add(new String[] {"nodes_known", Long.toString(nodes.known())});
            rows.add(new String[] {"nodes_budget", Long.toString(nodes.budget())});
            rows.add(new String[] {"node_descriptors_open", Long.toString(nodes.descriptorsOpen())});
            rows.add(new String[] {"node_descriptors_bound", Long.toString(nodes.descriptorsBound())});
            rows.add(new String[] {"requests_in_flight", Integer.toString(session.inFlight())});
            long[] handOffs = session.handOffs();
            rows.add(new String[] {"requests_handed_off_virtual", Long.toString(handOffs[0])});
            rows.add(new String[] {"requests_handed_off_blocking", Long.toString(handOffs[1])});
            rows.add(new String[] {"max_stack_depth_frames", Integer.toString(session.maxStackDepth())});
            for (Map.Entry<Op, OpStats.Summary> e : session.stats().entrySet()) {
                String op = e.getKey().label();
                rows.add(new String[] {"op_" + op + "_count", Long.toString(e.getValue().count())});
                rows.add(new String[] {"op_" + op + "_errors", Long.toString(e.getValue().errors())});
                if (e.getValue().negatives() > 0) {
                    rows.add(new String[] {"op_" + op + "_negative", Long.toString(e.getValue().negatives())});
                }
                rows.add(new String[] {"op_" + op + "_p50_us", micros(e.getValue().p50Nanos())});
                rows.add(new String[] {"op_" + op + "_p99_us", micros(e.getValue().p99Nanos())});
            }
            return rows;
        });
    }

    /** A percentile in µs with the precision the histogram has ({@link vexfs.fuse.LatencyHistogram#micros}). */
    static String micros(long nanos) {
        return vexfs.fuse.LatencyHistogram.micros(nanos);
    }

    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    /** Idempotent: the shutdown hook and the main thread may both get here. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        control.close();
        graph.close(); // stops a build, waits for a compaction, re-links and syncs the serving graph
    }
}
