package vexfs.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import vexfs.base.Metric;

class PrimitivesTest {
    @Test
    void neighborQueuesOrderByDistanceIncludingNegatives() {
        NeighborQueue min = NeighborQueue.closestFirst(2);
        NeighborQueue max = NeighborQueue.farthestFirst(2);
        float[] ds = {3f, -1.5f, 0f, 7.25f, -8f, 2f};
        for (int i = 0; i < ds.length; i++) {
            min.add(ds[i], i);
            max.addBounded(ds[i], i, 3);
        }
        assertEquals(4, min.topNode());
        assertEquals(-8f, min.topDistance());
        assertEquals(3, max.size());
        assertEquals(0f, max.topDistance(), "bounded max queue keeps the 3 closest, worst on top");
        float prev = Float.NEGATIVE_INFINITY;
        while (min.size() > 0) {
            float d = NeighborQueue.distanceOf(min.pop());
            assertTrue(d >= prev);
            prev = d;
        }
    }

    @Test
    void visitedSetClearsOnlyWhatItTouched() {
        VisitedSet v = new VisitedSet(1000);
        assertTrue(v.add(5));
        assertFalse(v.add(5));
        assertTrue(v.add(999));
        v.clear();
        assertFalse(v.contains(5));
        assertFalse(v.contains(999));
        v.ensureCapacity(100_000);
        assertTrue(v.add(99_999));
    }

    @Test
    void quantizedDistancesTrackExactOnesAndIgnorePaddingBytes() {
        int dim = 50;
        GraphLayout layout = GraphLayout.of(dim, 16, true);
        SplittableRandom r = new SplittableRandom(3);
        float[][] vs = new float[200][dim];
        for (float[] v : vs) for (int i = 0; i < dim; i++) v[i] = (float) r.nextGaussian();
        for (Metric metric : Metric.values()) {
            if (metric == Metric.COSINE) continue; // same kernel as DOT plus a constant
            Quantizer q = Quantizer.train(metric, dim, layout.codeBytes(), vs);
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment seg = arena.allocate(2L * layout.recordSize(), 64);
                q.encode(vs[0], seg, 0);
                q.encode(vs[1], seg, layout.recordSize());
                // garbage after the codes (meta and ids live there) must not change distances
                for (int i = dim; i < layout.recordSize(); i++) seg.set(java.lang.foreign.ValueLayout.JAVA_BYTE, i, (byte) 0x5a);
                float exact = exact(metric, vs[0], vs[1]);
                float approx = q.distance(q.prepareQuery(vs[1], null), seg, 0);
                float sym = q.distance(seg, 0, layout.recordSize());
                // int8 error per lane is ~scale/2; dot errors scale with the norm, L2 errors with the value
                float tol = metric == Metric.L2 ? 0.02f * exact : 0.15f;
                assertEquals(exact, approx, tol, metric + " query-to-code");
                assertEquals(exact, sym, 2 * tol, metric + " code-to-code");
                float[] batch = new float[8]; // n rounded up to 4
                q.distances(q.prepareQuery(vs[1], null), seg, 0, layout.recordSize(), new int[] {0, 0, 0, 0, 0}, 5, batch);
                for (int i = 0; i < 5; i++) assertEquals(approx, batch[i], 1e-3f * Math.max(1f, Math.abs(approx)));
            }
        }
    }

    private static float exact(Metric m, float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += m == Metric.L2 ? (a[i] - b[i]) * (a[i] - b[i]) : a[i] * b[i];
        return (float) (m == Metric.L2 ? s : -s);
    }
}
