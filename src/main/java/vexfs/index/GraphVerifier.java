package vexfs.index;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import vexfs.base.ProgressListener;
import vexfs.base.VectorSource;

/**
 * Checks a graph: header (on open), entry point, per-node state, level and upper block, every list
 * (count bound, ids in range, no self-loops, no links to free slots) and reachability from the
 * entry point. Reads every record once; iterative.
 */
public final class GraphVerifier {
    private static final int MAX_MESSAGES = 50;

    private GraphVerifier() {
    }

    /** Opens {@code file} for the given vectors and verifies it; an unreadable header is reported as an error. */
    public static VerifyReport verifyFile(Path file, VectorSource vectors, ProgressListener progress) throws IOException {
        try (HnswIndex idx = HnswIndex.open(file, vectors, HnswParams.defaults(vectors.dimension()))) {
            return verify(idx, progress);
        } catch (CorruptGraphException e) {
            return new VerifyReport(List.of(e.getMessage()), List.of(), 0, 0, 0, 0, -1, -1);
        }
    }

    /** Like {@link #verifyFile} but maps the graph read-only (safe while a daemon has it open). */
    public static VerifyReport verifyReadOnly(Path file, VectorSource vectors, ProgressListener progress) throws IOException {
        try (HnswIndex idx = HnswIndex.openReadOnly(file, vectors)) {
            return verify(idx, progress);
        } catch (CorruptGraphException e) {
            return new VerifyReport(List.of(e.getMessage()), List.of(), 0, 0, 0, 0, -1, -1);
        }
    }

    public static VerifyReport verify(HnswIndex index, ProgressListener progress) {
        GraphStore g = index.graph();
        MemorySegment seg = g.segment();
        int cap = g.capacity();
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        long e = g.entry();
        int ep = GraphStore.entryNode(e);
        int maxLevel = GraphStore.entryLevel(e);
        int upperUsed = g.upperUsed();
        int nodes = 0;
        int live = 0;
        int dead = 0;
        int inserting = 0;
        int[] buf = new int[g.layout.m0()];
        for (int node = 0; node < cap; node++) {
            byte st = g.state(seg, node);
            if (st == GraphLayout.FREE) continue;
            nodes++;
            if (st == GraphLayout.LIVE) live++;
            else if (st == GraphLayout.DELETED) dead++;
            else if (st == GraphLayout.INSERTING) inserting++;
            else add(errors, "node " + node + ": bad state " + st);
            int level = g.level(seg, node);
            if (level < 0 || level > 30) {
                add(errors, "node " + node + ": bad level " + level);
                continue;
            }
            // a tombstone may sit above a replacement entry point until compaction frees it
            if (level > maxLevel && st != GraphLayout.DELETED) add(errors, "node " + node + ": level " + level + " above max level " + maxLevel);
            if (level > 0) {
                int ref = g.upperRef(seg, node);
                if (ref < 1 || (long) ref + level > upperUsed) {
                    add(errors, "node " + node + ": upper block " + ref + " (+" + level + ") outside [1, " + upperUsed + ")");
                    continue;
                }
            }
            for (int l = 0; l <= level; l++) checkList(g, seg, node, l, cap, buf, errors);
            if ((node & 16383) == 0) progress.progress("verify", node, cap);
        }
        if (nodes > 0) {
            if (ep < 0 || ep >= cap) add(errors, "entry point " + ep + " out of range with " + nodes + " nodes");
            else if (g.state(seg, ep) == GraphLayout.FREE) add(errors, "entry point " + ep + " is a free slot");
            else if (g.level(seg, ep) != maxLevel) add(errors, "entry point " + ep + " has level " + g.level(seg, ep) + ", header max level " + maxLevel);
        } else if (ep >= 0 && (ep >= cap || g.state(seg, ep) == GraphLayout.FREE)) {
            add(errors, "entry point " + ep + " set in an empty graph");
        }
        int unreachable = 0;
        if (errors.isEmpty()) {
            long[] seen = Reachability.reachable(g);
            for (int node = 0; node < cap; node++) {
                if (g.state(seg, node) == GraphLayout.LIVE && !Reachability.contains(seen, node)) unreachable++;
            }
            if (unreachable > 0) add(warnings, unreachable + " live nodes unreachable from the entry point");
        }
        if (inserting > 0) add(warnings, inserting + " nodes left in INSERTING state (interrupted insert)");
        progress.progress("verify", cap, cap);
        if (errors.isEmpty()) index.markVerified();
        return new VerifyReport(List.copyOf(errors), List.copyOf(warnings), nodes, live, dead, unreachable, ep, maxLevel);
    }

    private static void checkList(GraphStore g, MemorySegment seg, int node, int level, int cap, int[] buf, List<String> errors) {
        long countOff = level == 0 ? g.layout.count0Offset(node) : g.layout.upperListOffset(g.upperRef(seg, node), level);
        MemorySegment s = level == 0 ? seg : g.upperSegment();
        int raw = s.get(java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED, countOff);
        if (raw < 0 || raw > g.layout.maxConn(level)) {
            add(errors, "node " + node + " level " + level + ": neighbour count " + raw + " outside [0, " + g.layout.maxConn(level) + "]");
            return;
        }
        int n = g.readNeighbors(seg, node, level, buf);
        for (int i = 0; i < n; i++) {
            int id = buf[i];
            if (id < 0 || id >= cap) add(errors, "node " + node + " level " + level + ": neighbour " + id + " out of range");
            else if (id == node) add(errors, "node " + node + " level " + level + ": self-loop");
            else if (g.state(seg, id) == GraphLayout.FREE) add(errors, "node " + node + " level " + level + ": link to free slot " + id);
            else if (g.level(seg, id) < level) add(errors, "node " + node + " level " + level + ": neighbour " + id + " has only level " + g.level(seg, id));
        }
    }

    private static void add(List<String> list, String msg) {
        if (list.size() < MAX_MESSAGES) list.add(msg);
    }
}
