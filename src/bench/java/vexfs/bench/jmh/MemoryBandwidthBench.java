package vexfs.bench.jmh;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.concurrent.TimeUnit;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The machine's single-thread memory bandwidth, measured beside the exact search in the same JMH
 * run: a SIMD sum over an off-heap buffer of {@code bufferMiB} MiB (larger than every cache; one op
 * reads the buffer once) and a {@link MemorySegment#copy} of that buffer (one op reads and writes it).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MemoryBandwidthBench {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;

    @Param({"1024"})
    public int bufferMiB;

    private Arena arena;
    private MemorySegment src;
    private MemorySegment dst;

    @Setup(Level.Trial)
    public void setUp() {
        arena = Arena.ofShared();
        long bytes = (long) bufferMiB * 1024 * 1024;
        src = arena.allocate(bytes, 64);
        dst = arena.allocate(bytes, 64);
        for (long i = 0; i < bytes; i += 4) src.set(ValueLayout.JAVA_FLOAT_UNALIGNED, i, (i & 1023) * 0.5f);
        dst.fill((byte) 1);
        System.out.printf("%n# buffer: bytes=%d%n", bytes);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        arena.close();
    }

    /** Reads the whole buffer once (bytes/op = buffer size): 8 independent accumulators, 64-byte-aligned loads. */
    @Benchmark
    public float readSum() {
        MemorySegment m = src;
        long n = m.byteSize();
        int step = F.vectorByteSize();
        long block = 8L * step;
        FloatVector s0 = FloatVector.zero(F), s1 = s0, s2 = s0, s3 = s0, s4 = s0, s5 = s0, s6 = s0, s7 = s0;
        for (long off = 0; off + block <= n; off += block) {
            s0 = s0.add(FloatVector.fromMemorySegment(F, m, off, ByteOrder.LITTLE_ENDIAN));
            s1 = s1.add(FloatVector.fromMemorySegment(F, m, off + step, ByteOrder.LITTLE_ENDIAN));
            s2 = s2.add(FloatVector.fromMemorySegment(F, m, off + 2L * step, ByteOrder.LITTLE_ENDIAN));
            s3 = s3.add(FloatVector.fromMemorySegment(F, m, off + 3L * step, ByteOrder.LITTLE_ENDIAN));
            s4 = s4.add(FloatVector.fromMemorySegment(F, m, off + 4L * step, ByteOrder.LITTLE_ENDIAN));
            s5 = s5.add(FloatVector.fromMemorySegment(F, m, off + 5L * step, ByteOrder.LITTLE_ENDIAN));
            s6 = s6.add(FloatVector.fromMemorySegment(F, m, off + 6L * step, ByteOrder.LITTLE_ENDIAN));
            s7 = s7.add(FloatVector.fromMemorySegment(F, m, off + 7L * step, ByteOrder.LITTLE_ENDIAN));
        }
        return s0.add(s1).add(s2.add(s3)).add(s4.add(s5).add(s6.add(s7))).reduceLanes(jdk.incubator.vector.VectorOperators.ADD);
    }

    /** Copies the buffer (bytes/op = 2 x buffer size: one read, one write). */
    @Benchmark
    public MemorySegment copy() {
        MemorySegment.copy(src, 0, dst, 0, src.byteSize());
        return dst;
    }
}
