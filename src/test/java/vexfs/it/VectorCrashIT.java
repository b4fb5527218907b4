package vexfs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vexfs.volume.StoreMaintenance;

/**
 * The crash campaign: kill -9 of the daemon at a random moment while several writers (threads making real system
 * calls through the mount, see {@link CrashWriter}) create, write+fsync, append, rename, unlink files and set,
 * change and remove vectors, then remount; {@code vexfs.crash.cycles} times (default 20; scripts/stress runs 200).
 * After each kill (unmounted): the store file verifies clean and differs from the files only where a call was in
 * flight. After each remount: every acknowledged byte and vector is there, nothing acknowledged-removed came
 * back, and search through /.vexfs/search gives the exact answer over the acknowledged vectors. At the end, after
 * a clean unmount, {@code vexfs verify} reports the store and the files identical.
 */
@Tag("mount")
class VectorCrashIT {
    static final int DIM = 8;
    static final int CYCLES = Integer.getInteger("vexfs.crash.cycles", 20);
    static final int WRITERS = Integer.getInteger("vexfs.crash.writers", 3);
    static final long SEED = Long.getLong("vexfs.crash.seed", 7);
    /** Acknowledged calls to wait for in each cycle before the kill comes at a random moment. */
    static final int OPS_PER_CYCLE = Integer.getInteger("vexfs.crash.ops", 30);

    @Test
    void killNineAtRandomMomentsLosesNothingAcknowledged(@TempDir Path tmp) throws Exception {
        MountFixture m = new MountFixture(tmp).mkfs(DIM, "l2");
        Random rnd = new Random(SEED);
        AtomicLong acknowledged = new AtomicLong();
        AtomicBoolean killed = new AtomicBoolean();
        List<CrashWriter> writers = new ArrayList<>();
        long t0 = System.nanoTime();
        try {
            m.mount();
            for (int w = 0; w < WRITERS; w++) {
                Path d = Files.createDirectories(m.mnt.resolve("w" + w));
                writers.add(new CrashWriter(w, d, DIM, rnd.nextLong(), killed, acknowledged));
            }
            for (int cycle = 0; cycle < CYCLES; cycle++) {
                if (cycle > 0) {
                    m.mount();
                    awaitReconcile(m, cycle + 1);
                    check(m, writers, rnd, "cycle " + cycle + " after remount");
                }
                killed.set(false);
                List<Thread> threads = new ArrayList<>();
                for (CrashWriter w : writers) {
                    w.rearm();
                    threads.add(Thread.ofPlatform().name("crash-writer-" + w.id).start(w));
                }
                long before = acknowledged.get(), until = System.currentTimeMillis() + 10_000;
                while (acknowledged.get() < before + OPS_PER_CYCLE && System.currentTimeMillis() < until) Thread.sleep(2);
                Thread.sleep(rnd.nextInt(150)); // then kill at a random moment of the call stream
                killed.set(true);
                m.kill9();
                for (CrashWriter w : writers) w.stop = true;
                for (Thread t : threads) {
                    t.join(20_000);
                    assertTrue(!t.isAlive(), t.getName() + " hangs after the kill");
                }
                for (CrashWriter w : writers) if (w.failure != null) throw new AssertionError(w.failure);
                checkStoreAfterKill(m, writers, cycle);
            }
            m.mount();
            awaitReconcile(m, CYCLES + 1);
            check(m, writers, rnd, "after the last remount");
        } finally {
            m.close();
        }
        long withVector = 0;
        Map<String, Long> ops = new HashMap<>();
        for (CrashWriter w : writers) {
            withVector += w.model.values().stream().filter(s -> s.vector() != null).count();
            w.opCounts.forEach((k, v) -> ops.merge(k, v, Long::sum));
        }
        System.out.printf("crash campaign: %d cycles, %d writers, %d calls acknowledged %s, %d files with a vector at "
                + "the end, %.1f s%n", CYCLES, WRITERS, acknowledged.get(), ops, withVector, (System.nanoTime() - t0) / 1e9);
        m.log().lines().filter(l -> l.contains("after a crash") || l.contains("rebuilding") || l.contains("reconcile fixed"))
                .forEach(l -> System.out.println("daemon: " + l));
        assertTrue(acknowledged.get() >= CYCLES * 10L, "writers acknowledged only " + acknowledged.get() + " calls");
        var v = MountFixture.cli("verify", m.backing.toString());
        assertEquals(0, v.exit(), v.output());
        assertTrue(v.output().contains("result: clean"), v.output());
        assertTrue(v.output().contains(withVector + " with a vector"), withVector + "\n" + v.output());
    }

    static String tail(String log, int lines) {
        List<String> l = log.lines().toList();
        return String.join("\n", l.subList(Math.max(0, l.size() - lines), l.size()));
    }

    /** Waits until the mount's background reconcile has run {@code n} times in this log (once per mount). */
    static void awaitReconcile(MountFixture m, int n) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (m.log().split("reconcile: \\d+ files", -1).length < n + 1) {
            if (System.currentTimeMillis() > deadline) fail("no reconcile after mount " + n + ":\n" + m.log());
            Thread.sleep(20);
        }
    }

    /**
     * Unmounted, right after the kill: the store file is sound but for what a put in flight leaves (its new record
     * live beside the old one, which open resolves by generation, or a record cut mid-write, which open frees),
     * and differs from the files only for calls in flight.
     */
    private static void checkStoreAfterKill(MountFixture m, List<CrashWriter> writers, int cycle) throws Exception {
        StoreMaintenance.VerifyResult r = StoreMaintenance.verify(m.backing, false, null);
        String text = r.store().toText() + (r.files() == null ? "" : String.join("\n", r.files().problems()));
        long inFlight = writers.stream().filter(w -> w.pending != null).count();
        assertTrue(r.store().problems().size() <= inFlight, "cycle " + cycle + ": store file after kill -9\n" + text);
        for (String p : r.store().problems()) {
            assertTrue(p.matches("key \\d+ is live in slots \\d+ and \\d+; keeping slot \\d+ \\(newer generation\\)")
                    || p.contains("record checksum mismatch"), "cycle " + cycle + ": not a put in flight: " + p + "\n" + text);
        }
        if (!r.store().clean()) System.out.println("cycle " + cycle + ": after the kill (a put in flight): " + r.store().problems());
        assertTrue(r.files() != null, text);
        assertTrue(r.files().discrepancies() <= inFlight, "cycle " + cycle + ": " + r.files().discrepancies()
                + " differences between store and files, " + inFlight + " calls in flight\n" + text);
        for (String p : r.files().problems()) {
            boolean explained = false;
            for (CrashWriter w : writers) {
                if (w.pending == null) continue;
                for (String n : w.pending.before().keySet()) explained |= p.contains("/w" + w.id + "/" + n + " ");
                explained |= p.contains("no file has it") && w.pending.op().matches("unlink|rename_replace");
            }
            assertTrue(explained, "cycle " + cycle + ": not explained by a call in flight: " + p + "\n" + text);
        }
    }

    /** Everything acknowledged is there, and search agrees with exact search over the acknowledged vectors. */
    private static void check(MountFixture m, List<CrashWriter> writers, Random rnd, String when) throws Exception {
        List<String> problems = new ArrayList<>();
        Map<String, float[]> vectors = new HashMap<>();
        for (CrashWriter w : writers) {
            problems.addAll(w.checkAfterRemount());
            w.model.forEach((n, s) -> {
                if (s.vector() != null) vectors.put("/w" + w.id + "/" + n, s.vector());
            });
        }
        if (!problems.isEmpty()) fail(when + ": " + problems.size() + " acknowledged changes lost:\n" + String.join("\n", problems));
        for (int q = 0; q < 3 && !vectors.isEmpty(); q++) {
            float[] query = new float[DIM];
            for (int i = 0; i < DIM; i++) query[i] = rnd.nextFloat() * 2 - 1;
            int k = Math.min(10, vectors.size());
            List<String> lines = SearchProbe.query(m.mnt, CrashWriter.csv(query) + "\nk=" + k + "\nef=1000\n");
            String why = SearchProbe.disagreement(vectors, query, k, SearchProbe.paths(lines));
            if (why != null) fail(when + ": search disagrees with exact search over " + vectors.size() + " vectors: "
                    + why + "\nsearch returned:\n" + String.join("\n", lines) + "\n" + diagnose(m, vectors, query));
        }
    }

    /** After a disagreement: which vectors search never finds, the graph's own view of itself, the daemon's log. */
    private static String diagnose(MountFixture m, Map<String, float[]> vectors, float[] query) throws Exception {
        List<String> all = SearchProbe.paths(SearchProbe.query(m.mnt, CrashWriter.csv(query) + "\nk="
                + (vectors.size() + 5) + "\nef=1000\n"));
        StringBuilder diag = new StringBuilder("never found (k=all): ");
        diag.append(vectors.keySet().stream().filter(p -> !all.contains(p)).sorted().toList()).append('\n');
        m.kill9();
        try (var st = vexfs.store.VectorStore.open(m.backing.resolve(".vexfs"), true);
             var g = vexfs.index.HnswIndex.open(m.backing.resolve(".vexfs/graph.vxg"), st.asVectorSource(),
                     vexfs.index.HnswParams.defaults(DIM))) {
            diag.append("slots live in store/graph: ");
            for (int slot = 0; slot < st.slotCount(); slot++) {
                diag.append(st.isLive(slot) ? "S" : "-").append(g.contains(slot) ? "G " : "- ");
            }
            diag.append('\n').append(vexfs.index.GraphVerifier.verify(g, (a, b, c) -> { }).toText());
        }
        diag.append("daemon log:\n").append(m.log().lines().filter(l -> l.matches(".*(reconcile|WARN|ERROR|graph|Exception).*"))
                .collect(java.util.stream.Collectors.joining("\n")));
        return diag.toString();
    }
}
