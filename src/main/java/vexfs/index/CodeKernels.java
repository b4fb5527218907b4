package vexfs.index;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * SIMD kernels over int8 codes in a mapped segment. Byte ranges {@code [from, to)} are multiples of
 * the float lane count. Several code vectors are scored in one loop so that their cache misses are
 * in flight together; the "add" kernels accumulate into {@code out} so a distance can be computed
 * in two parts (see {@link Quantizer#partialDistances}).
 */
final class CodeKernels {
    static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Byte> B = VectorSpecies.of(byte.class, VectorShape.forBitSize(F.length() * 8));
    static final int LANES = F.length();

    private CodeKernels() {
    }

    private static FloatVector load(MemorySegment seg, long off) {
        return (FloatVector) ByteVector.fromMemorySegment(B, seg, off, ByteOrder.LITTLE_ENDIAN)
                .convertShape(VectorOperators.B2F, F, 0);
    }

    private static float sum(FloatVector v) {
        return v.reduceLanes(VectorOperators.ADD);
    }

    /** out[at+j] += sum over [from,to) of (c_j * scale + qa)^2 for eight code vectors. */
    static void l2Add8(float[] qa, float[] scale, MemorySegment seg, long o0, long o1, long o2, long o3, long o4, long o5,
                       long o6, long o7, float[] out, int at, int from, int to) {
        FloatVector a0 = FloatVector.zero(F);
        FloatVector a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0, a7 = a0;
        for (int i = from; i < to; i += LANES) {
            FloatVector s = FloatVector.fromArray(F, scale, i);
            FloatVector q = FloatVector.fromArray(F, qa, i);
            FloatVector d0 = load(seg, o0 + i).fma(s, q);
            FloatVector d1 = load(seg, o1 + i).fma(s, q);
            FloatVector d2 = load(seg, o2 + i).fma(s, q);
            FloatVector d3 = load(seg, o3 + i).fma(s, q);
            FloatVector d4 = load(seg, o4 + i).fma(s, q);
            FloatVector d5 = load(seg, o5 + i).fma(s, q);
            FloatVector d6 = load(seg, o6 + i).fma(s, q);
            FloatVector d7 = load(seg, o7 + i).fma(s, q);
            a0 = d0.fma(d0, a0);
            a1 = d1.fma(d1, a1);
            a2 = d2.fma(d2, a2);
            a3 = d3.fma(d3, a3);
            a4 = d4.fma(d4, a4);
            a5 = d5.fma(d5, a5);
            a6 = d6.fma(d6, a6);
            a7 = d7.fma(d7, a7);
        }
        out[at] += sum(a0);
        out[at + 1] += sum(a1);
        out[at + 2] += sum(a2);
        out[at + 3] += sum(a3);
        out[at + 4] += sum(a4);
        out[at + 5] += sum(a5);
        out[at + 6] += sum(a6);
        out[at + 7] += sum(a7);
    }

    /** out[at+j] += sum over [from,to) of (c_j * scale + qa)^2 for four code vectors. */
    static void l2Add4(float[] qa, float[] scale, MemorySegment seg, long o0, long o1, long o2, long o3, float[] out, int at,
                       int from, int to) {
        FloatVector a0 = FloatVector.zero(F);
        FloatVector a1 = a0, a2 = a0, a3 = a0;
        for (int i = from; i < to; i += LANES) {
            FloatVector s = FloatVector.fromArray(F, scale, i);
            FloatVector q = FloatVector.fromArray(F, qa, i);
            FloatVector d0 = load(seg, o0 + i).fma(s, q);
            FloatVector d1 = load(seg, o1 + i).fma(s, q);
            FloatVector d2 = load(seg, o2 + i).fma(s, q);
            FloatVector d3 = load(seg, o3 + i).fma(s, q);
            a0 = d0.fma(d0, a0);
            a1 = d1.fma(d1, a1);
            a2 = d2.fma(d2, a2);
            a3 = d3.fma(d3, a3);
        }
        out[at] += sum(a0);
        out[at + 1] += sum(a1);
        out[at + 2] += sum(a2);
        out[at + 3] += sum(a3);
    }

    /** out[at+j] = sum over [0,to) of c_j * qs for four code vectors. */
    static void dot4(float[] qs, MemorySegment seg, long o0, long o1, long o2, long o3, float[] out, int at, int to) {
        FloatVector a0 = FloatVector.zero(F);
        FloatVector a1 = a0, a2 = a0, a3 = a0;
        for (int i = 0; i < to; i += LANES) {
            FloatVector q = FloatVector.fromArray(F, qs, i);
            a0 = load(seg, o0 + i).fma(q, a0);
            a1 = load(seg, o1 + i).fma(q, a1);
            a2 = load(seg, o2 + i).fma(q, a2);
            a3 = load(seg, o3 + i).fma(q, a3);
        }
        out[at] = sum(a0);
        out[at + 1] = sum(a1);
        out[at + 2] = sum(a2);
        out[at + 3] = sum(a3);
    }

    /** sum of scale2 * (a - b_j)^2 over [0,to) for four code vectors b_j. */
    static void l2Codes4(float[] scale2, MemorySegment seg, long a, long o0, long o1, long o2, long o3, float[] out, int at, int to) {
        FloatVector a0 = FloatVector.zero(F);
        FloatVector a1 = a0, a2 = a0, a3 = a0;
        for (int i = 0; i < to; i += LANES) {
            FloatVector x = load(seg, a + i);
            FloatVector s2 = FloatVector.fromArray(F, scale2, i);
            FloatVector d0 = x.sub(load(seg, o0 + i));
            FloatVector d1 = x.sub(load(seg, o1 + i));
            FloatVector d2 = x.sub(load(seg, o2 + i));
            FloatVector d3 = x.sub(load(seg, o3 + i));
            a0 = d0.mul(d0).fma(s2, a0);
            a1 = d1.mul(d1).fma(s2, a1);
            a2 = d2.mul(d2).fma(s2, a2);
            a3 = d3.mul(d3).fma(s2, a3);
        }
        out[at] = sum(a0);
        out[at + 1] = sum(a1);
        out[at + 2] = sum(a2);
        out[at + 3] = sum(a3);
    }

    static float l2Query(float[] qa, float[] scale, MemorySegment seg, long off, int to) {
        FloatVector acc = FloatVector.zero(F);
        for (int i = 0; i < to; i += LANES) {
            FloatVector d = load(seg, off + i).fma(FloatVector.fromArray(F, scale, i), FloatVector.fromArray(F, qa, i));
            acc = d.fma(d, acc);
        }
        return sum(acc);
    }

    static float dotQuery(float[] qs, MemorySegment seg, long off, int to) {
        FloatVector acc = FloatVector.zero(F);
        for (int i = 0; i < to; i += LANES) acc = load(seg, off + i).fma(FloatVector.fromArray(F, qs, i), acc);
        return sum(acc);
    }

    static float l2Codes(float[] scale2, MemorySegment seg, long a, long b, int to) {
        FloatVector acc = FloatVector.zero(F);
        for (int i = 0; i < to; i += LANES) {
            FloatVector d = load(seg, a + i).sub(load(seg, b + i));
            acc = d.mul(d).fma(FloatVector.fromArray(F, scale2, i), acc);
        }
        return sum(acc);
    }

    /** sum of (a*scale + offset) * (b*scale + offset) over [0,to). */
    static float dotCodes(float[] scale, float[] offset, MemorySegment seg, long a, long b, int to) {
        FloatVector acc = FloatVector.zero(F);
        for (int i = 0; i < to; i += LANES) {
            FloatVector s = FloatVector.fromArray(F, scale, i);
            FloatVector o = FloatVector.fromArray(F, offset, i);
            acc = load(seg, a + i).fma(s, o).fma(load(seg, b + i).fma(s, o), acc);
        }
        return sum(acc);
    }
}
