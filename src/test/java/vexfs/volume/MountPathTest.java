package vexfs.volume;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;

import org.junit.jupiter.api.Test;

import vexfs.control.ResultLine;
import vexfs.libc.FsException;
import vexfs.libc.Name;

class MountPathTest {
    /** é as Latin-1 (not UTF-8), then é as UTF-8: two different names that one lossy decode would merge. */
    private static final byte[] LATIN = {(byte) 0xE9};
    private static final byte[] UTF = {(byte) 0xC3, (byte) 0xA9};

    @Test
    void namesThatAreNotUtf8StayDistinctAndExact() {
        MountPath a = MountPath.ofRelative(new byte[] {'d', '/', (byte) 0xE9});
        MountPath b = MountPath.ofRelative(new byte[] {'d', '/', (byte) 0xFF});
        assertNotEquals(a, b, "both decode to U+FFFD, yet are different files");
        assertEquals(a.toString(), b.toString());
        assertArrayEquals(new byte[] {'/', 'd', '/', (byte) 0xE9}, a.toBytes());
        assertArrayEquals(LATIN, a.lastName().toBytes());
        assertEquals(MountPath.ofRelative(new byte[] {'d'}), a.parent());
        assertEquals(a, MountPath.ofRelative(new byte[] {'d'}).child(Name.of(LATIN)));
        assertEquals(2, a.depth());
        assertArrayEquals(LATIN, a.names()[1].toBytes());
        assertTrue(a.isBelow(MountPath.ofRelative(new byte[] {'d'})));
        assertFalse(a.isBelow(MountPath.ofRelative(new byte[] {'d', '/'})), "not below a file of its own name");
        assertFalse(MountPath.ofRelative(new byte[] {'d', 'x', '/', 'y'}).isBelow(MountPath.ofRelative(new byte[] {'d'})));
        assertTrue(a.isBelow(MountPath.ROOT));
        assertFalse(MountPath.ROOT.isBelow(MountPath.ROOT));
    }

    @Test
    void normaliseDropsEmptyAndDotComponentsAndRefusesDotDotAndNul() throws Exception {
        assertArrayEquals(new byte[] {'/', 'a', '/', (byte) 0xC3, (byte) 0xA9},
                MountPath.normalise(new byte[] {'/', '/', 'a', '/', '.', '/', (byte) 0xC3, (byte) 0xA9, '/'}).toBytes());
        assertEquals(MountPath.ROOT, MountPath.normalise("/./"));
        assertEquals(MountPath.normalise("/a/..b"), MountPath.normalise("/a/..b/"));
        for (String bad : new String[] {"", "a", "/a/../b", "/a/\0"}) {
            assertThrows(FsException.class, () -> MountPath.normalise(bad), bad);
        }
    }

    @Test
    void aResultLineCarriesTheBytesAndEscapesOnlyNewlineTabAndBackslash() {
        byte[] name = {'x', (byte) 0xE9, '\n', '\\', '\t', (byte) 0xC3, (byte) 0xA9};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ResultLine.append(out, 3, 0.5f, MountPath.ofRelative(name));
        byte[] want = {'3', '\t', '0', '.', '5', '\t', '/', 'x', (byte) 0xE9, '\\', 'n', '\\', '\\', '\\', 't',
                (byte) 0xC3, (byte) 0xA9, '\n'};
        assertArrayEquals(want, out.toByteArray());
        // a chunk's byte range is a fourth field, after the escaped path
        out.reset();
        ResultLine.append(out, 1, 0.25f, MountPath.ofRelative(new byte[] {'a', '\t'}), 10, 20);
        assertEquals("1\t0.25\t/a\\t\tbytes=10-20\n", out.toString(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void utf8AndLatin1SpellingsOfOneLetterAreDifferentPaths() {
        assertNotEquals(MountPath.ofRelative(LATIN), MountPath.ofRelative(UTF));
    }
}
