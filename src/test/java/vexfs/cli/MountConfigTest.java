package vexfs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** -o max_fds (the bound on open node descriptors; 0, not given, means the default) and -o sync_vectors. */
class MountConfigTest {
    @Test
    void maxFdsIsParsedAndCheckedAndNotPassedToTheKernel() {
        assertEquals(0, MountConfig.parse(List.of("ro")).passthrough().maxFds(), "not given: the default");
        MountConfig c = MountConfig.parse(List.of("readers=2,max_fds=300"));
        assertEquals(300, c.passthrough().maxFds());
        assertTrue(c.kernelOptions().stream().noneMatch(o -> o.startsWith("max_fds")), c.kernelOptions().toString());
        for (String bad : List.of("max_fds=0", "max_fds=-1", "max_fds=abc", "max_fds")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> MountConfig.parse(List.of(bad)));
            assertTrue(e.getMessage().contains("max_fds"), e.getMessage());
        }
    }

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
