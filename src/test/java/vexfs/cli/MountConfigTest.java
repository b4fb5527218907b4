package vexfs.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class MountConfigTest {
    @Test
    void syncVectorsIsOffByDefaultAndNeverReachesTheKernel() {
        MountConfig plain = MountConfig.parse(List.of("ro"));
        assertFalse(plain.syncVectors());
        MountConfig sync = MountConfig.parse(List.of("allow_other,sync_vectors"));
        assertTrue(sync.syncVectors());
        assertFalse(sync.kernelOptions().contains("sync_vectors"), sync.kernelOptions().toString());
    }

    @Test
    void syncVectorsTakesNoValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MountConfig.parse(List.of("sync_vectors=1")));
        assertTrue(e.getMessage().contains("sync_vectors takes no value"), e.getMessage());
    }
}
