package vexfs.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of the daemon while writers set vectors, 5 times: after each kill the store file verifies clean and
 * differs from the files only for the writes in flight; after each remount every acknowledged vector is there;
 * at the end (clean unmount after the mount's reconcile) {@code vexfs verify} finds store and files identical.
 */
@Tag("mount")
class VectorCrashIT {
    static final int DIM = 8;
    static final int WRITERS = 2;
    static final int FILES_PER_WRITER = 25;

    /** Per file: the last acknowledged vector; and per writer the one in flight (may or may not have landed). */
    final Map<String, float[]> acked = new ConcurrentHashMap<>();
    final Map<Integer, String> inFlightFile = new ConcurrentHashMap<>();
    final Map<Integer, float[]> inFlightVector = new ConcurrentHashMap<>();

    static String name(int writer, int i) {
        return "w" + writer + "/f" + i;
    }

    static byte[] f32(float[] v) {
        ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float x : v) b.putFloat(x);
        return b.array();
    }

    static float[] readVector(Path f) throws Exception {
        UserDefinedFileAttributeView view = Files.getFileAttributeView(f, UserDefinedFileAttributeView.class);
        ByteBuffer b = ByteBuffer.allocate(4 * DIM);
        view.read("vexfs.vector.f32", b);
        b.flip().order(ByteOrder.LITTLE_ENDIAN);
        float[] v = new float[DIM];
        for (int i = 0; i < DIM; i++) v[i] = b.getFloat();
        return v;
    }

    @Test
    void killNineWhileWritingLosesNoAcknowledgedVector(@TempDir Path tmp) throws Exception {
        MountFixture m = new MountFixture(tmp).mkfs(DIM, "cosine");
        Random rnd = new Random(7);
        AtomicLong total = new AtomicLong();
        try {
            for (int cycle = 0; cycle < 5; cycle++) {
                m.mount();
                if (cycle == 0) {
                    for (int w = 0; w < WRITERS; w++) {
                        Files.createDirectories(m.mnt.resolve("w" + w));
                        for (int i = 0; i < FILES_PER_WRITER; i++) Files.writeString(m.mnt.resolve(name(w, i)), "doc");
                    }
                }
                checkAcknowledged(m.mnt, cycle);
                AtomicBoolean stop = new AtomicBoolean();
                Thread[] writers = new Thread[WRITERS];
                for (int w = 0; w < WRITERS; w++) {
                    int id = w;
                    long seed = rnd.nextLong();
                    writers[w] = Thread.ofPlatform().start(() -> write(m.mnt, id, new Random(seed), stop, total));
                }
                long before = total.get(), until = System.currentTimeMillis() + 5_000;
                while (total.get() < before + 20 && System.currentTimeMillis() < until) Thread.sleep(5);
                Thread.sleep(rnd.nextInt(300)); // then kill at a random moment of the write stream
                m.kill9();
                stop.set(true);
                for (Thread t : writers) t.join(10_000);
                var v = MountFixture.cli("verify", m.backing.toString());
                System.out.println("cycle " + cycle + ": " + total.get() + " acknowledged so far, in flight " + inFlightFile
                        + "\n" + v.output());
                assertTrue(v.output().contains("status: clean"), "cycle " + cycle + ": store file after kill -9\n" + v.output());
                for (String line : v.output().lines().filter(l -> l.startsWith("problem:")).toList()) {
                    assertTrue(inFlightFile.values().stream().anyMatch(f -> line.contains("/" + f + " ")),
                            "cycle " + cycle + ": only writes in flight may differ: " + line + "\n" + v.output());
                }
            }
            m.mount();
            checkAcknowledged(m.mnt, 5);
            long deadline = System.currentTimeMillis() + 20_000;
            while (m.log().split("reconcile: \\d+ files", -1).length < 7 && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
        } finally {
            m.close();
        }
        assertTrue(total.get() > 50, "writers acknowledged only " + total.get() + " vectors");
        var v = MountFixture.cli("verify", m.backing.toString());
        assertEquals(0, v.exit(), v.output());
        assertTrue(v.output().contains("result: clean"), v.output());
        assertTrue(v.output().contains(acked.size() + " with a vector"), acked.size() + "\n" + v.output());
    }

    private void write(Path mnt, int writer, Random rnd, AtomicBoolean stop, AtomicLong total) {
        while (!stop.get()) {
            String f = name(writer, rnd.nextInt(FILES_PER_WRITER));
            float[] v = new float[DIM];
            for (int i = 0; i < DIM; i++) v[i] = (float) rnd.nextGaussian();
            inFlightFile.put(writer, f);
            inFlightVector.put(writer, v);
            try {
                Files.getFileAttributeView(mnt.resolve(f), UserDefinedFileAttributeView.class)
                        .write("vexfs.vector.f32", ByteBuffer.wrap(f32(v)));
            } catch (Exception deadMount) {
                return; // the daemon was killed: this write stays "in flight"
            }
            acked.put(f, v);
            inFlightFile.remove(writer);
            inFlightVector.remove(writer);
            total.incrementAndGet();
        }
    }

    private void checkAcknowledged(Path mnt, int cycle) throws Exception {
        for (var e : acked.entrySet()) {
            float[] got = readVector(mnt.resolve(e.getKey()));
            if (Arrays.equals(got, e.getValue())) continue;
            boolean inFlight = false;
            for (var w : inFlightFile.entrySet()) {
                if (w.getValue().equals(e.getKey()) && Arrays.equals(got, inFlightVector.get(w.getKey()))) {
                    inFlight = true;
                    acked.put(e.getKey(), got); // the in-flight write landed: it is the file's vector now
                }
            }
            if (!inFlight) fail("cycle " + cycle + ": " + e.getKey() + " lost its acknowledged vector");
        }
        for (var w : inFlightFile.entrySet()) {
            if (!acked.containsKey(w.getValue())) {
                try {
                    float[] got = readVector(mnt.resolve(w.getValue()));
                    assertArrayEquals(inFlightVector.get(w.getKey()), got);
                    acked.put(w.getValue(), got);
                } catch (java.nio.file.FileSystemException noVector) {
                    // the first write of this file did not land
                }
            }
        }
        inFlightFile.clear();
        inFlightVector.clear();
    }
}
