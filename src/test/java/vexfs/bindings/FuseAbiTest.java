package vexfs.bindings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The run-time choices from a libfuse version string: ABI, session constructor, and what is refused and how. */
class FuseAbiTest {
    @ParameterizedTest
    @CsvSource({"3.14.0, V3_14_0", "3.14.1, V3_14_1", "3.15.0, V3_14_1", "3.15.1, V3_14_1", "3.16.1, V3_14_1",
            "3.16.2, V3_14_1", "3.17.1-rc0, V3_17", "3.17.1, V3_17", "3.17.2, V3_17", "3.17.4, V3_17"})
    void everyVersionFrom314To317HasItsAbi(String version, FuseAbi expected) {
        assertEquals(expected, FuseAbi.forVersion(LibfuseVersion.parse(version), "/lib/libfuse3.so"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"3.18.0", "3.18.2", "3.20.1", "4.0.0", "3.13.0", "3.10.5", "2.9.9"})
    void unknownVersionsAreRefusedByName(String version) {
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> FuseAbi.forVersion(LibfuseVersion.parse(version), "/x/libfuse3.so.9"));
        assertTrue(e.getMessage().contains("libfuse " + version + " (/x/libfuse3.so.9)"), e.getMessage());
        assertTrue(e.getMessage().contains(FuseAbi.SUPPORTED), e.getMessage());
    }

    @Test
    void newerThanKnownSaysSo() {
        String m = assertThrows(UnsupportedOperationException.class,
                () -> FuseAbi.forVersion(LibfuseVersion.parse("3.18.0"), null)).getMessage();
        assertTrue(m.startsWith("libfuse 3.18.0 is newer than this VexFS knows"), m);
        m = assertThrows(UnsupportedOperationException.class,
                () -> FuseAbi.forVersion(LibfuseVersion.parse("3.13.0"), null)).getMessage();
        assertTrue(m.contains("too old"), m);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "?", "three", "3", "v3.14.0"})
    void unreadableVersionsNameTheText(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LibfuseVersion.parse(text));
        assertTrue(e.getMessage().contains("'" + text + "'"), e.getMessage());
    }

    @Test
    void versionParts() {
        LibfuseVersion v = LibfuseVersion.parse("3.17.1-rc0");
        assertEquals(3, v.major());
        assertEquals(17, v.minor());
        assertEquals(1, v.hotfix());
        assertEquals(317, v.fuseVersion());
        assertTrue(v.atLeast(3, 17, 1));
        assertTrue(!v.atLeast(3, 17, 2));
        assertEquals(0, LibfuseVersion.parse("3.16").hotfix());
    }

    /** The bug this ABI split fixes: 3.14.0 and 3.14.1 both say fuse_version() = 314, but flush moved. */
    @Test
    void flushMovedBetween3140And3141() {
        assertEquals(1 << 3, FuseAbi.V3_14_0.fileInfoBits().flush());
        assertEquals(1 << 4, FuseAbi.V3_14_1.fileInfoBits().flush());
        assertEquals(1 << 3, FuseAbi.V3_17.fileInfoBits().flush());
        assertEquals(1 << 3, FuseAbi.V3_14_1.fileInfoBits().parallel_direct_writes());
        assertEquals(0, FuseAbi.V3_14_0.fileInfoBits().parallel_direct_writes());
    }

    @Test
    void sizesGrowIn317() {
        assertEquals(40, FuseAbi.V3_14_0.fileInfo().byteSize());
        assertEquals(64, FuseAbi.V3_17.fileInfo().byteSize());
        assertEquals(40, FuseAbi.V3_14_1.buf().byteSize());
        assertEquals(48, FuseAbi.V3_17.buf().byteSize());
        assertEquals(72, FuseAbi.V3_17.bufvec().byteSize());
        assertEquals(128, FuseAbi.V3_17.connInfo().byteSize());
    }

    @Test
    void sessionConstructorFollowsTheAbiAndTheExports() {
        Set<String> released317 = Set.of("fuse_session_new", "fuse_session_new_versioned");
        assertEquals(SessionConstructor.VERSIONED, SessionConstructor.choose(FuseAbi.V3_17, released317::contains, "l"));
        Set<String> snapshot = Set.of("fuse_session_new", "_fuse_session_new_317");
        assertEquals(SessionConstructor.DEV_SNAPSHOT_317,
                SessionConstructor.choose(FuseAbi.V3_17, snapshot::contains, "l"));
        Set<String> old = Set.of("fuse_session_new");
        assertEquals(SessionConstructor.PLAIN, SessionConstructor.choose(FuseAbi.V3_14_0, old::contains, "l"));
        assertEquals(SessionConstructor.PLAIN, SessionConstructor.choose(FuseAbi.V3_14_1, old::contains, "l"));
        String m = assertThrows(UnsupportedOperationException.class,
                () -> SessionConstructor.choose(FuseAbi.V3_17, old::contains, "/y/libfuse3.so.4")).getMessage();
        assertTrue(m.contains("/y/libfuse3.so.4") && m.contains("fuse_session_new_versioned"), m);
    }

    @Test
    void aNamedLibraryThatIsMissingIsAnErrorNamingIt() {
        UnsatisfiedLinkError e = assertThrows(UnsatisfiedLinkError.class,
                () -> LibfuseLoader.loadExplicit("/nonexistent/libfuse3.so.4", "VEXFS_LIBFUSE="));
        assertTrue(e.getMessage().contains("VEXFS_LIBFUSE=/nonexistent/libfuse3.so.4"), e.getMessage());
        e = assertThrows(UnsatisfiedLinkError.class, () -> LibfuseLoader.loadExplicit("libnotfuse.so.7", "-o libfuse="));
        assertTrue(e.getMessage().contains("-o libfuse=libnotfuse.so.7"), e.getMessage());
    }
}
