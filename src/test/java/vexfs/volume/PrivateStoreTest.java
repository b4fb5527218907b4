package vexfs.volume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vexfs.base.GraphSettings;
import vexfs.base.Metric;
import vexfs.base.PrivateFiles;
import vexfs.base.ProgressListener;
import vexfs.index.HnswIndex;
import vexfs.libc.NativeIo;

/**
 * The store directory is 0700 and every file in it 0600 whoever creates them, also under umask 0 (the daemon's):
 * mkfs, the graph a mount builds, reindex; and an older store with loose modes is tightened at the next open for
 * writing. (Access by another user: {@code vexfs.it.PrivateStoreIT}, as nobody.)
 */
class PrivateStoreTest {
    @TempDir
    Path backing;

    private int oldMask;

    @BeforeEach
    void umaskZero() {
        oldMask = NativeIo.umask(0);
    }

    @AfterEach
    void restoreUmask() {
        NativeIo.umask(oldMask);
    }

    @Test
    void everyFileIsPrivateUnderUmaskZero() throws Exception {
        VolumeLayout layout = VolumeLayout.of(backing);
        Volume.create(backing, 8, Metric.L2, GraphSettings.DEFAULT, false);
        assertPrivate(layout, List.of("vectors.vxv"));
        Random rnd = new Random(1);
        try (Volume v = Volume.open(backing, Volume.Access.MOUNT)) {
            for (int i = 0; i < 50; i++) v.store().put(100 + i, vector(rnd));
            v.store().sync();
            try (HnswIndex idx = v.openGraphForMount(ProgressListener.NONE)) {
                assertEquals(50, idx.size());
            }
        }
        assertPrivate(layout, List.of("vectors.vxv", "graph.vxg", "graph.vxg.upper"));
        try (Volume v = Volume.open(backing, Volume.Access.EXCLUSIVE); HnswIndex idx = v.rebuildGraph(ProgressListener.NONE)) {
            assertEquals(50, idx.size());
        }
        assertPrivate(layout, List.of("vectors.vxv", "graph.vxg", "graph.vxg.upper"));
        StoreMaintenance.reindex(backing, 0, null, ProgressListener.NONE);
        assertPrivate(layout, List.of("vectors.vxv"));
        Volume.create(backing, 8, Metric.L2, GraphSettings.DEFAULT, true); // mkfs --force
        assertPrivate(layout, List.of("vectors.vxv"));
    }

    @Test
    void looseModesOfAnOlderStoreAreTightenedAtTheNextWritableOpen() throws Exception {
        VolumeLayout layout = VolumeLayout.of(backing);
        Volume.create(backing, 8, Metric.L2, GraphSettings.DEFAULT, false);
        try (Volume v = Volume.open(backing, Volume.Access.MOUNT); HnswIndex idx = v.openGraphForMount(ProgressListener.NONE)) {
            assertEquals(0, idx.size());
        }
        Files.setPosixFilePermissions(layout.storeDir(), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(layout.vectorsFile(), PosixFilePermissions.fromString("rw-rw-rw-"));
        Files.setPosixFilePermissions(layout.graphFile(), PosixFilePermissions.fromString("rw-r--r--"));
        try (Volume v = Volume.open(backing, Volume.Access.READ_ONLY)) {
            assertEquals(0, v.store().liveCount()); // a read-only open changes nothing, not even modes
        }
        assertEquals("rw-rw-rw-", perms(layout.vectorsFile()));
        try (Volume v = Volume.open(backing, Volume.Access.MOUNT)) {
            assertEquals(0, v.store().liveCount());
        }
        assertPrivate(layout, List.of("vectors.vxv", "graph.vxg", "graph.vxg.upper"));
    }

    @Test
    void scratchFilesOfTheStoreArePrivate() throws Exception {
        Volume.create(backing, 8, Metric.L2, GraphSettings.DEFAULT, false);
        try (Volume v = Volume.open(backing, Volume.Access.MOUNT)) {
            // the key map lives in a scratch file of the store directory, mapped and unlinked at once: found through
            // /proc/self/maps, its mode read through /proc/self/map_files (which needs root)
            v.store().put(1, vector(new Random(2)));
            int seen = 0;
            String prefix = VolumeLayout.of(backing).storeDir() + "/.scratch-";
            for (String line : Files.readAllLines(Path.of("/proc/self/maps"))) {
                int at = line.indexOf(prefix);
                if (at < 0) continue;
                seen++;
                assertTrue(line.endsWith("(deleted)"), line);
                Path mapped = Path.of("/proc/self/map_files", line.substring(0, line.indexOf(' ')));
                org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(mapped), "/proc/self/map_files needs root");
                assertEquals("rw-------", perms(mapped), line);
            }
            assertTrue(seen > 0, "no scratch file of the store is open");
            assertPrivate(VolumeLayout.of(backing), List.of("vectors.vxv"));
        }
    }

    private static float[] vector(Random rnd) {
        float[] v = new float[8];
        for (int i = 0; i < v.length; i++) v[i] = rnd.nextFloat();
        return v;
    }

    private static String perms(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
    }

    /** The store directory is 0700 and holds exactly {@code names}, each 0600. */
    private static void assertPrivate(VolumeLayout layout, List<String> names) throws Exception {
        assertEquals("rwx------", perms(layout.storeDir()), "mode of " + layout.storeDir());
        List<String> found = new ArrayList<>();
        try (Stream<Path> s = Files.list(layout.storeDir())) {
            for (Path p : s.toList()) {
                found.add(p.getFileName().toString());
                assertTrue(Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS), p + " is not a regular file");
                assertEquals(PrivateFiles.octal(PrivateFiles.FILE_MODE),
                        PrivateFiles.octal(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS)), "mode of " + p);
            }
        }
        assertEquals(names.stream().sorted().toList(), found.stream().sorted().toList());
    }
}
