package vexfs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** -o max_fds: the bound on open node descriptors, handed to the passthrough; 0 (not given) means the default. */
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
}
