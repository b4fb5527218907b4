package vexfs;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * A seeded mutation fuzzer for the parsers (no dependency): each input is a valid seed mutated a few times (bit
 * flips, random bytes, inserted/deleted/duplicated ranges, truncation, dictionary tokens that parsers treat
 * specially). {@code -Dvexfs.fuzz.millis=N} sets the time per target (default 2 s, so CI stays short);
 * {@code -Dvexfs.fuzz.seed} the seed. The target must give a clean result or throw one of the expected exception
 * types; anything else fails with the input that caused it (printed as hex and text, with the seed).
 */
public final class Mutator {
    private static final byte[][] TOKENS = tokens(",", "\n", "=", " ", "\t", "-", ".", "e", "E", "NaN", "Infinity",
            "-Infinity", "1e39", "-1e-46", "0x1p3", "1_0", "+", "k=", "ef=", "under=", "metric=", "/..", "/./", "//",
            "\0", "\u00ff", "\u20ac", "99999999999999999999", "-0", "0", "3.4028235E38", ",,", "\r\n", "\\", "'");

    private final SplittableRandom rnd;
    public final long seed;

    public Mutator(long seed) {
        this.seed = seed;
        this.rnd = new SplittableRandom(seed);
    }

    public static long defaultSeed() {
        return Long.getLong("vexfs.fuzz.seed", 20261125L);
    }

    public static long budgetMillis() {
        return Long.getLong("vexfs.fuzz.millis", 2000L);
    }

    /** One mutant of one of the seeds: 1 to 4 mutations stacked. */
    public byte[] next(List<byte[]> seeds) {
        byte[] b = seeds.get(rnd.nextInt(seeds.size())).clone();
        int n = 1 + rnd.nextInt(4);
        for (int i = 0; i < n; i++) b = mutate(b);
        return b;
    }

    public int nextInt(int bound) {
        return rnd.nextInt(bound);
    }

    byte[] mutate(byte[] b) {
        int len = b.length;
        switch (rnd.nextInt(8)) {
            case 0 -> {
                if (len > 0) b[rnd.nextInt(len)] ^= (byte) (1 << rnd.nextInt(8));
            }
            case 1 -> {
                if (len > 0) b[rnd.nextInt(len)] = (byte) rnd.nextInt(256);
            }
            case 2 -> b = insert(b, rnd.nextInt(len + 1), randomBytes(1 + rnd.nextInt(8)));
            case 3 -> {
                if (len > 0) {
                    int at = rnd.nextInt(len), n = 1 + rnd.nextInt(Math.min(16, len - at));
                    byte[] out = new byte[len - n];
                    System.arraycopy(b, 0, out, 0, at);
                    System.arraycopy(b, at + n, out, at, len - at - n);
                    b = out;
                }
            }
            case 4 -> {
                if (len > 0) {
                    int at = rnd.nextInt(len), n = 1 + rnd.nextInt(Math.min(64, len - at));
                    b = insert(b, rnd.nextInt(len + 1), Arrays.copyOfRange(b, at, at + n));
                }
            }
            case 5 -> b = Arrays.copyOf(b, rnd.nextInt(len + 1));
            default -> b = insert(b, rnd.nextInt(len + 1), TOKENS[rnd.nextInt(TOKENS.length)]);
        }
        return b;
    }

    private byte[] randomBytes(int n) {
        byte[] r = new byte[n];
        for (int i = 0; i < n; i++) r[i] = (byte) rnd.nextInt(256);
        return r;
    }

    private static byte[] insert(byte[] b, int at, byte[] what) {
        byte[] out = new byte[b.length + what.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(what, 0, out, at, what.length);
        System.arraycopy(b, at, out, at + what.length, b.length - at);
        return out;
    }

    private static byte[][] tokens(String... s) {
        byte[][] out = new byte[s.length][];
        for (int i = 0; i < s.length; i++) out[i] = s[i].getBytes(StandardCharsets.UTF_8);
        return out;
    }

    /** A check of one input: returns normally or throws an expected exception. */
    public interface Target {
        void accept(byte[] input) throws Exception;
    }

    private static boolean isAnyOf(Throwable t, Class<?>[] kinds) {
        for (Class<?> c : kinds) if (c.isInstance(t)) return true;
        return false;
    }

    /**
     * Runs {@code target} on mutants of {@code seeds} for the time budget; returns the number of inputs tried.
     * An exception not of an {@code expected} type (or an Error) fails, naming the input.
     */
    @SafeVarargs
    @SuppressWarnings("varargs") // expected is only read, as Class<?>[]
    public static int run(String name, List<byte[]> seeds, Target target, Class<? extends Throwable>... expected) {
        Mutator m = new Mutator(defaultSeed() ^ name.hashCode());
        long end = System.nanoTime() + budgetMillis() * 1_000_000L;
        int n = 0;
        while (System.nanoTime() < end || n < 200) {
            byte[] in = m.next(seeds);
            n++;
            try {
                target.accept(in);
            } catch (Throwable t) {
                if (!isAnyOf(t, expected)) {
                    throw new AssertionError(name + ": input " + n + " (seed " + m.seed + ") gave " + t + "\ninput hex: "
                            + java.util.HexFormat.of().formatHex(in) + "\ninput text: "
                            + new String(in, StandardCharsets.UTF_8), t);
                }
            }
        }
        System.out.printf("fuzz %s: %d inputs in %d ms%n", name, n, budgetMillis());
        return n;
    }

    /** Feeds every input to {@code c}; a small adapter for lambdas that cannot throw. */
    public static Target of(Consumer<byte[]> c) {
        return c::accept;
    }
}
