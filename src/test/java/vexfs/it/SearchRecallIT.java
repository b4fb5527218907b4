package vexfs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vexfs.cli.FashionMnistData;

/**
 * Recall through the filesystem on Fashion-MNIST (Debian dataset-fashion-mnist): 5000 training images written
 * through the mount as images/<class>/<n>.pgm with their pixels as vectors (setxattr), 200 test images queried
 * through /.vexfs/search, compared with an exact scan done here. under= is checked on one class directory.
 */
@Tag("mount")
class SearchRecallIT {
    static final int BASE = 5000;
    static final int QUERIES = 200;

    @TempDir
    static Path tmp;
    static MountFixture m;
    static FashionMnistData base;
    static FashionMnistData queries;

    @BeforeAll
    static void mount() throws Exception {
        assumeTrue(FashionMnistData.available(FashionMnistData.DIR), "Fashion-MNIST not installed at "
                + FashionMnistData.DIR + " (Debian package dataset-fashion-mnist); CI installs it");
        base = FashionMnistData.load(FashionMnistData.DIR, false, BASE);
        queries = FashionMnistData.load(FashionMnistData.DIR, true, QUERIES);
        m = new MountFixture(tmp).mkfs(FashionMnistData.DIM, "l2").mount();
        var r = MountFixture.cli("fashion-mnist", "--train", Integer.toString(BASE), "--test", "0", m.mnt.toString());
        assertEquals(0, r.exit(), r.output());
    }

    @AfterAll
    static void unmount() throws Exception {
        if (m != null) m.close();
    }

    static String path(int i) {
        return String.format("/images/%s/%05d.pgm", FashionMnistData.CLASSES[base.label(i)], i);
    }

    /** The exact k nearest base images (squared L2) among those of {@code label} (-1: all). */
    static Set<String> exact(float[] q, int k, int label) {
        TopK top = new TopK(k);
        for (int i = 0; i < BASE; i++) {
            if (label >= 0 && base.label(i) != label) continue;
            float d = 0;
            for (int j = 0; j < FashionMnistData.DIM; j++) {
                float x = q[j] - (base.pixels()[i * FashionMnistData.DIM + j] & 0xff);
                d += x * x;
            }
            top.offer(i, d);
        }
        Set<String> out = new HashSet<>();
        for (int i : top.indices()) out.add(path(i));
        return out;
    }

    static String csv(float[] v) {
        StringBuilder sb = new StringBuilder();
        for (float x : v) sb.append(sb.isEmpty() ? "" : ",").append((int) x);
        return sb.toString();
    }

    static String[] search(FileChannel ch, String query) throws Exception {
        ByteBuffer w = ByteBuffer.wrap(query.getBytes(StandardCharsets.UTF_8));
        while (w.hasRemaining()) ch.write(w);
        ByteBuffer b = ByteBuffer.allocate(1 << 16);
        while (ch.read(b) > 0) {
            // results arrive in order
        }
        String[] lines = new String(b.array(), 0, b.position(), StandardCharsets.UTF_8).split("\n");
        String[] paths = new String[lines.length];
        for (int i = 0; i < lines.length; i++) paths[i] = lines[i].split("\t")[2];
        return paths;
    }

    @Test
    void recallAtTenThroughTheFilesystemIsAtLeast95Percent() throws Exception {
        int found = 0;
        try (FileChannel ch = FileChannel.open(m.mnt.resolve(".vexfs/search"), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            for (int qi = 0; qi < QUERIES; qi++) {
                float[] q = queries.vector(qi);
                String[] got = search(ch, csv(q) + "\nk=10\nef=64\n");
                assertEquals(10, got.length);
                Set<String> truth = exact(q, 10, -1);
                for (String p : got) if (truth.contains(p)) found++;
            }
        }
        double recall = found / (QUERIES * 10.0);
        System.out.println("SearchRecallIT: recall@10 through the mount, " + BASE + " base, " + QUERIES + " queries: " + recall);
        assertTrue(recall >= 0.95, "recall@10 through the mount: " + recall + "\n" + java.nio.file.Files.readString(m.mnt.resolve(".vexfs/stats")));
    }

    @Test
    void underReturnsOnlyThatSubtreeWithHighRecall() throws Exception {
        int label = 8; // bags: most queries are of other classes, so the filter matters
        String dir = "/images/" + FashionMnistData.CLASSES[label];
        int found = 0;
        int n = 60;
        try (FileChannel ch = FileChannel.open(m.mnt.resolve(".vexfs/search"), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            for (int qi = 0; qi < n; qi++) {
                float[] q = queries.vector(qi);
                String[] got = search(ch, csv(q) + "\nk=10\nunder=" + dir + "\n");
                assertEquals(10, got.length);
                Set<String> truth = exact(q, 10, label);
                for (String p : got) {
                    assertTrue(p.startsWith(dir + "/"), p + " is not under " + dir);
                    if (truth.contains(p)) found++;
                }
            }
        }
        double recall = found / (n * 10.0);
        System.out.println("SearchRecallIT: recall@10 with under=" + dir + ", " + n + " queries: " + recall);
        assertTrue(recall >= 0.9, "recall@10 with under=" + dir + ": " + recall);
    }
}
