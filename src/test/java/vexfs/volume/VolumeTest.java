package vexfs.volume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vexfs.base.GraphSettings;
import vexfs.base.Metric;
import vexfs.base.ProgressListener;
import vexfs.index.HnswIndex;
import vexfs.index.HnswParams;
import vexfs.libc.NativeIo;

/** The volume's HNSW parameters are chosen once (mkfs) and every open, rebuild, reindex and import uses them. */
class VolumeTest {
    private static final GraphSettings CHOSEN = new GraphSettings(8, 50, 30);

    @TempDir
    Path backing;

    @Test
    void parametersChosenAtMkfsAreKeptAndUsedByEveryGraphBuild() throws Exception {
        Volume.create(backing, 16, Metric.L2, CHOSEN, false);
        Random rnd = new Random(7);
        try (Volume v = Volume.open(backing, Volume.Access.EXCLUSIVE)) {
            assertEquals(CHOSEN, v.graphSettings());
            for (int i = 0; i < 300; i++) v.store().put(1000 + i, randomVector(rnd, 16));
            try (HnswIndex idx = v.openGraphForMount(ProgressListener.NONE)) { // none yet: built from the store
                assertChosen(idx.params());
                assertEquals(300, idx.size());
            }
            try (HnswIndex idx = v.rebuildGraph(ProgressListener.NONE)) {
                assertChosen(idx.params());
            }
        }
        try (Volume v = Volume.open(backing, Volume.Access.READ_ONLY); HnswIndex idx = v.openGraphReadOnly()) {
            assertEquals(CHOSEN, v.graphSettings());
            assertChosen(idx.params());
            String[] why = new String[1];
            try (HnswIndex forSearch = v.openGraphForSearch(why)) {
                assertNotNull(forSearch, why[0]);
                assertEquals(30, forSearch.params().efSearch());
            }
        }
    }

    @Test
    void reindexCarriesTheParametersOverAndRemovesTheOldGraph() throws Exception {
        Volume.create(backing, 4, Metric.COSINE, CHOSEN, false);
        Path f = Files.writeString(backing.resolve("a.txt"), "a");
        try (Volume v = Volume.open(backing, Volume.Access.EXCLUSIVE)) {
            int root = NativeIo.open(backing.toString(), NativeIo.O_PATH | NativeIo.O_DIRECTORY, 0);
            int fd = NativeIo.open(f.toString(), NativeIo.O_RDONLY, 0);
            try {
                new FileVectors(v.store(), root, false).set(fd, NativeIo.stat(fd).ino(), new float[] {1, 2, 3, 4}, null);
            } finally {
                NativeIo.close(fd);
                NativeIo.close(root);
            }
            v.openGraphForMount(ProgressListener.NONE).close();
        }
        assertTrue(Files.exists(VolumeLayout.of(backing).graphFile()));
        StoreMaintenance.reindex(backing, 0, null, ProgressListener.NONE);
        assertFalse(Files.exists(VolumeLayout.of(backing).graphFile()), "the old store's graph is gone");
        try (Volume v = Volume.open(backing, Volume.Access.READ_ONLY)) {
            assertEquals(CHOSEN, v.graphSettings());
            assertEquals(1, v.store().liveCount());
            assertNull(v.openGraphReadOnly());
        }
    }

    @Test
    void aDirectoryWithoutAStoreSaysRunMkfs() {
        NoSuchFileException e = assertThrows(NoSuchFileException.class,
                () -> Volume.open(backing, Volume.Access.READ_ONLY));
        assertTrue(e.getMessage().contains("run vexfs mkfs first"), e.getMessage());
    }

    @Test
    void aReadOnlyVolumeRefusesToWriteTheGraph() throws IOException {
        Volume.create(backing, 4, Metric.L2, GraphSettings.DEFAULT, false);
        try (Volume v = Volume.open(backing, Volume.Access.READ_ONLY)) {
            assertThrows(IllegalStateException.class, () -> v.rebuildGraph(ProgressListener.NONE));
            assertEquals(GraphSettings.DEFAULT, v.graphSettings());
        }
    }

    @Test
    void outOfRangeParametersAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new GraphSettings(1, 200, 64));
        assertThrows(IllegalArgumentException.class, () -> new GraphSettings(16, 0, 64));
        assertThrows(IllegalArgumentException.class, () -> new GraphSettings(16, 200, GraphSettings.MAX_EF + 1));
    }

    private static void assertChosen(HnswParams p) {
        assertEquals(8, p.m());
        assertEquals(50, p.efConstruction());
        assertEquals(30, p.efSearch());
    }

    private static float[] randomVector(Random rnd, int dim) {
        float[] v = new float[dim];
        for (int i = 0; i < dim; i++) v[i] = rnd.nextFloat();
        return v;
    }
}
