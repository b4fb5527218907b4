package vexfs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vexfs.base.GraphSettings;
import vexfs.base.Metric;
import vexfs.store.VectorStore;
import vexfs.volume.Volume;
import vexfs.volume.VolumeLayout;

/**
 * A mount that must first build its graph (no graph file, as after vexfs reindex) takes longer than --wait-seconds:
 * vexfs mount waits while the daemon logs progress, shows it, and does not kill its own healthy daemon.
 */
@Tag("mount")
class MountWaitIT {
    @Test
    void aLongGraphBuildIsWaitedForAndShown(@TempDir Path tmp) throws Exception {
        Path backing = Files.createDirectories(tmp.resolve("backing"));
        Path mnt = Files.createDirectories(tmp.resolve("mnt"));
        Volume.create(backing, 48, Metric.L2, new GraphSettings(16, 200, 64), false);
        try (VectorStore s = VectorStore.open(VolumeLayout.of(backing).storeDir(), false)) {
            SplittableRandom r = new SplittableRandom(3);
            float[] v = new float[48];
            for (long key = 1; key <= 15_000; key++) {
                for (int d = 0; d < v.length; d++) v[d] = (float) r.nextGaussian();
                s.put(key, v);
            }
        }
        long t0 = System.nanoTime();
        var r = MountFixture.cli("mount", "--wait-seconds", "2", "--log", tmp.resolve("log").toString(),
                backing.toString(), mnt.toString());
        double seconds = (System.nanoTime() - t0) / 1e9;
        try {
            assertEquals(0, r.exit(), r.output() + MountFixture.sh("cat '" + tmp.resolve("log") + "'").output());
            assertTrue(r.output().contains("vexfs mount: graph: rebuild"), r.output());
            System.out.printf("MountWaitIT: mount with a 15k-node graph build answered after %.1f s%n", seconds);
        } finally {
            MountFixture.cli("umount", mnt.toString());
            MountFixture.sh("grep -q ' " + mnt + " ' /proc/mounts && fusermount3 -uz '" + mnt + "'; true");
        }
    }
}
