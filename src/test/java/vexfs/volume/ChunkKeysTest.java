package vexfs.volume;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class ChunkKeysTest {
    @Test
    void chunkKeysNameTheirFileAndNeverAnInode() {
        long ino = (1L << 40) - 1;
        for (int i : new int[] {0, 1, 127, ChunkKeys.MAX_INDEX}) {
            long k = ChunkKeys.of(ino, i);
            assertTrue(ChunkKeys.isChunk(k));
            assertEquals(ino, ChunkKeys.owner(k));
            assertEquals(i, ChunkKeys.index(k));
        }
        assertNotEquals(ChunkKeys.of(5, 1), ChunkKeys.of(5, 2));
        assertNotEquals(ChunkKeys.of(5, 1), ChunkKeys.of(6, 1));
        assertFalse(ChunkKeys.isChunk(12345));
        assertEquals(12345, ChunkKeys.owner(12345));
        assertFalse(ChunkKeys.fits(1L << 40));
        assertThrows(IllegalArgumentException.class, () -> ChunkKeys.of(1L << 40, 0));
        assertThrows(IllegalArgumentException.class, () -> ChunkKeys.of(5, ChunkKeys.MAX_INDEX + 1));
        assertThrows(IllegalArgumentException.class, () -> ChunkKeys.of(5, -1));
    }
}
