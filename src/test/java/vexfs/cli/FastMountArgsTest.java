package vexfs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class FastMountArgsTest {
    @Test
    void parsesTheDaemonAndCommonFormsLikePicocli() {
        MountCommand c = FastMountArgs.parse(new String[] {"mount", "-f", "-o", "ro,similar_k=5", "-oattr_timeout=0",
                "-o=readers=2", "--log", "/tmp/x.log", "--wait-seconds=7", "/b", "/m"});
        assertNotNull(c);
        assertTrue(c.foreground);
        assertEquals(List.of("ro,similar_k=5", "attr_timeout=0", "readers=2"), c.options);
        assertEquals(Path.of("/tmp/x.log"), c.log);
        assertEquals(7, c.waitSeconds);
        assertEquals(Path.of("/b"), c.backing);
        assertEquals(Path.of("/m"), c.mountpoint);
        MountCommand bg = FastMountArgs.parse(new String[] {"mount", "/b", "/m"});
        assertNotNull(bg);
        assertEquals(30, bg.waitSeconds);
        assertTrue(!bg.foreground && !bg.debug && bg.log == null);
    }

    @Test
    void leavesEverythingElseToPicocli() {
        assertNull(FastMountArgs.parse(new String[] {"mount", "--help"}));
        assertNull(FastMountArgs.parse(new String[] {"mount", "-h", "/b", "/m"}));
        assertNull(FastMountArgs.parse(new String[] {"mount", "-x", "/b", "/m"}));
        assertNull(FastMountArgs.parse(new String[] {"mount", "/b"}));
        assertNull(FastMountArgs.parse(new String[] {"mount", "/b", "/m", "/extra"}));
        assertNull(FastMountArgs.parse(new String[] {"mount", "--wait-seconds", "soon", "/b", "/m"}));
        assertNull(FastMountArgs.parse(new String[] {"mount", "/b", "/m", "-o"}));
        assertNull(FastMountArgs.parse(new String[] {"mkfs", "--dim", "3", "/b"}));
    }
}
