package vexfs.it;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * One writer of the crash campaign: real system calls through the mount on its own directory (create + write +
 * fsync, append + fsync, rename (also over an existing file), unlink, set a vector as f32 or CSV, remove it, a
 * {@code .vec} file written and closed), and a journal of what each call ACKNOWLEDGED (the call returned). At most
 * one call is in flight when the daemon dies; {@link #checkAfterRemount} accepts its before- or after-state (or,
 * for data writes, any prefix in between), requires everything else to be exactly as acknowledged, and adopts
 * what it finds. Not thread-safe: the writer thread owns it until joined.
 */
final class CrashWriter implements Runnable {
    /** What a name holds: content and vector (null: none). A null State in a map means "no such file". */
    record State(byte[] content, float[] vector) {
        State withVector(float[] v) {
            return new State(content, v);
        }

        boolean same(State o) {
            return o != null && Arrays.equals(content, o.content) && Arrays.equals(vector, o.vector);
        }
    }

    /** The call in flight: its names before and after it (null = absent). */
    record Pending(String op, Map<String, State> before, Map<String, State> after, boolean dataWrite) {}

    interface Action {
        void run() throws IOException;
    }

    static final int MAX_FILES = 40;

    final int id;
    final Path dir;
    private final int dim;
    private final SplittableRandom rnd;
    private final AtomicBoolean killed;
    private final AtomicLong acknowledged;
    final Map<String, State> model = new HashMap<>();
    Pending pending;
    volatile boolean stop;
    volatile Throwable failure;
    private int nextName;
    final Map<String, Long> opCounts = new LinkedHashMap<>();

    CrashWriter(int id, Path dir, int dim, long seed, AtomicBoolean killed, AtomicLong acknowledged) {
        this.id = id;
        this.dir = dir;
        this.dim = dim;
        this.rnd = new SplittableRandom(seed);
        this.killed = killed;
        this.acknowledged = acknowledged;
    }

    /** A fresh writer on the same journal for the next mount (the random stream goes on). */
    void rearm() {
        stop = false;
        failure = null;
    }

    @Override
    public void run() {
        while (!stop) {
            Action a = choose();
            try {
                a.run();
            } catch (Throwable e) {
                if (!killed.get()) failure = new AssertionError("writer " + id + ": " + pending.op() + " failed on a live mount", e);
                return; // the daemon died: this call stays in flight
            }
            for (var e : pending.after().entrySet()) {
                if (e.getValue() == null) model.remove(e.getKey());
                else model.put(e.getKey(), e.getValue());
            }
            opCounts.merge(pending.op(), 1L, Long::sum);
            pending = null;
            acknowledged.incrementAndGet();
        }
    }

    // ---- choosing and doing one call ----

    private Action choose() {
        List<String> names = new ArrayList<>(new TreeSet<>(model.keySet()));
        int r = rnd.nextInt(100);
        if (names.size() < 3 || r < 15 && names.size() < MAX_FILES) return create();
        if (r < 22 && names.size() < MAX_FILES) return vecFile();
        String a = names.get(rnd.nextInt(names.size()));
        State s = model.get(a);
        if (names.size() >= MAX_FILES || r < 30) return unlink(a, s);
        if (r < 45 && !a.endsWith(".vec")) return append(a, s);
        if (r < 70) return setVector(a, s, rnd.nextBoolean());
        if (r < 80) return s.vector() != null ? removeVector(a, s) : setVector(a, s, true);
        String b = rnd.nextInt(3) == 0 ? names.get(rnd.nextInt(names.size())) : "r" + id + "_" + nextName++;
        if (b.equals(a)) b = "r" + id + "_" + nextName++;
        return rename(a, s, b);
    }

    private Action create() {
        String n = "f" + id + "_" + nextName++;
        byte[] data = bytes(1 + rnd.nextInt(4096));
        pend("create", n, null, new State(data, null), true);
        return () -> {
            try (FileChannel ch = FileChannel.open(dir.resolve(n), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                writeAll(ch, data);
                ch.force(true);
            }
        };
    }

    private Action vecFile() {
        String n = "v" + id + "_" + nextName++ + ".vec";
        float[] v = vector();
        byte[] data = (csv(v) + "\n").getBytes(StandardCharsets.US_ASCII);
        pend("vecfile", n, null, new State(data, v), true);
        return () -> Files.write(dir.resolve(n), data, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }

    private Action append(String n, State s) {
        byte[] extra = bytes(1 + rnd.nextInt(2048));
        byte[] all = Arrays.copyOf(s.content(), s.content().length + extra.length);
        System.arraycopy(extra, 0, all, s.content().length, extra.length);
        pend("append", n, s, new State(all, s.vector()), true);
        return () -> {
            try (FileChannel ch = FileChannel.open(dir.resolve(n), StandardOpenOption.APPEND)) {
                writeAll(ch, extra);
                ch.force(false);
            }
        };
    }

    private Action setVector(String n, State s, boolean f32) {
        float[] v = vector();
        pend(f32 ? "setvec_f32" : "setvec_csv", n, s, s.withVector(v), false);
        return () -> view(n).write(f32 ? "vexfs.vector.f32" : "vexfs.vector", ByteBuffer.wrap(f32 ? f32(v)
                : csv(v).getBytes(StandardCharsets.US_ASCII)));
    }

    private Action removeVector(String n, State s) {
        pend("rmvec", n, s, s.withVector(null), false);
        return () -> view(n).delete("vexfs.vector");
    }

    private Action rename(String a, State s, String b) {
        Map<String, State> before = new HashMap<>();
        before.put(a, s);
        before.put(b, model.get(b));
        Map<String, State> after = new HashMap<>();
        after.put(a, null);
        after.put(b, s);
        pending = new Pending(model.containsKey(b) ? "rename_replace" : "rename", before, after, false);
        return () -> Files.move(dir.resolve(a), dir.resolve(b), StandardCopyOption.ATOMIC_MOVE);
    }

    private Action unlink(String n, State s) {
        pend("unlink", n, s, null, false);
        return () -> Files.delete(dir.resolve(n));
    }

    private void pend(String op, String name, State before, State after, boolean dataWrite) {
        Map<String, State> b = new HashMap<>();
        b.put(name, before);
        Map<String, State> a = new HashMap<>();
        a.put(name, after);
        pending = new Pending(op, b, a, dataWrite);
    }

    // ---- after a remount ----

    /** Compares the mount with the journal; returns the problems found (empty: all acknowledged state is there). */
    List<String> checkAfterRemount() throws IOException {
        List<String> problems = new ArrayList<>();
        Map<String, State> observed = new HashMap<>();
        TreeSet<String> names = new TreeSet<>(model.keySet());
        if (pending != null) names.addAll(pending.before().keySet());
        for (String n : names) observed.put(n, observe(dir.resolve(n)));
        for (String n : names) {
            if (pending != null && pending.before().containsKey(n)) continue;
            State want = model.get(n), got = observed.get(n);
            if (want == null ? got != null : !want.same(got)) problems.add(describe(n, want, got));
        }
        if (pending != null) {
            if (!pendingOk(observed)) {
                StringBuilder sb = new StringBuilder("in-flight " + pending.op() + " left neither its before nor its after state:");
                for (String n : pending.before().keySet()) {
                    sb.append(' ').append(describe(n, pending.after().get(n), observed.get(n)));
                }
                problems.add(sb.toString());
            }
            for (String n : pending.before().keySet()) {
                if (observed.get(n) == null) model.remove(n);
                else model.put(n, observed.get(n));
            }
            pending = null;
        }
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                String n = p.getFileName().toString();
                if (!model.containsKey(n)) problems.add("/" + dir.getFileName() + "/" + n + ": exists but was never "
                        + "acknowledged (or was acknowledged removed)");
            }
        }
        return problems;
    }

    private boolean pendingOk(Map<String, State> observed) {
        if (matches(pending.before(), observed) || matches(pending.after(), observed)) return true;
        if (!pending.dataWrite()) return false;
        for (var e : pending.after().entrySet()) { // data writes: any prefix between before and after
            State before = pending.before().get(e.getKey()), got = observed.get(e.getKey());
            if (got == null) return before == null;
            byte[] from = before == null ? new byte[0] : before.content();
            byte[] to = e.getValue().content();
            if (got.content().length < from.length || got.content().length > to.length) return false;
            if (!Arrays.equals(got.content(), Arrays.copyOf(to, got.content().length))) return false;
            if (!Arrays.equals(got.vector(), before == null ? null : before.vector())) return false;
        }
        return true;
    }

    private static boolean matches(Map<String, State> want, Map<String, State> observed) {
        for (var e : want.entrySet()) {
            State got = observed.get(e.getKey());
            if (e.getValue() == null ? got != null : !e.getValue().same(got)) return false;
        }
        return true;
    }

    private String describe(String n, State want, State got) {
        String w = want == null ? "absent" : want.content().length + " bytes, vector " + Arrays.toString(want.vector());
        String g = got == null ? "absent" : got.content().length + " bytes"
                + (want != null && !Arrays.equals(want.content(), got.content()) ? " (DIFFERENT content)" : "")
                + ", vector " + Arrays.toString(got.vector());
        return "/" + dir.getFileName() + "/" + n + ": acknowledged " + w + ", found " + g;
    }

    State observe(Path p) throws IOException {
        byte[] content;
        try {
            content = Files.readAllBytes(p);
        } catch (NoSuchFileException gone) {
            return null;
        }
        return new State(content, readVector(p, dim));
    }

    static float[] readVector(Path p, int dim) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(4 * dim + 16);
        try {
            Files.getFileAttributeView(p, UserDefinedFileAttributeView.class).read("vexfs.vector.f32", b);
        } catch (FileSystemException e) {
            if (e.getMessage() != null && e.getMessage().contains("No data available")) return null;
            throw e;
        }
        b.flip().order(ByteOrder.LITTLE_ENDIAN);
        if (b.remaining() != 4 * dim) throw new IOException(p + ": vector of " + b.remaining() + " bytes");
        float[] v = new float[dim];
        for (int i = 0; i < dim; i++) v[i] = b.getFloat();
        return v;
    }

    // ---- values ----

    private UserDefinedFileAttributeView view(String n) {
        return Files.getFileAttributeView(dir.resolve(n), UserDefinedFileAttributeView.class);
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) b[i] = (byte) rnd.nextInt(256);
        return b;
    }

    private float[] vector() {
        float[] v = new float[dim];
        for (int i = 0; i < dim; i++) v[i] = (float) (rnd.nextDouble() * 2 - 1);
        return v;
    }

    static String csv(float[] v) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < v.length; i++) sb.append(i == 0 ? "" : ",").append(v[i]);
        return sb.toString();
    }

    static byte[] f32(float[] v) {
        ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float x : v) b.putFloat(x);
        return b.array();
    }

    private static void writeAll(FileChannel ch, byte[] data) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(data);
        while (b.hasRemaining()) ch.write(b);
    }
}
