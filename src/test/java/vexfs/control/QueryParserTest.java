package vexfs.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import vexfs.libc.Errno;
import vexfs.libc.FsException;
import vexfs.volume.MountPath;

class QueryParserTest {
    static QueryParser.Query parse(String q) throws FsException {
        return QueryParser.parse(q.getBytes(StandardCharsets.UTF_8), 3, "l2");
    }

    static void refused(String q) {
        FsException e = assertThrows(FsException.class, () -> parse(q), q);
        assertEquals(Errno.EINVAL, e.errno(), q);
    }

    @Test
    void underKeepsTheBytesOfANameThatIsNotUtf8() throws Exception {
        byte[] head = "1,2,3\nunder= /d/".getBytes(StandardCharsets.US_ASCII);
        byte[] q = java.util.Arrays.copyOf(head, head.length + 4);
        q[head.length] = (byte) 0xE9;
        q[head.length + 1] = (byte) 0xFF;
        q[head.length + 2] = '/';
        q[head.length + 3] = '\n';
        assertArrayEquals(new byte[] {'/', 'd', '/', (byte) 0xE9, (byte) 0xFF},
                QueryParser.parse(q, 3, "l2").under().toBytes());
    }

    @Test
    void vectorThenOptionalLines() throws Exception {
        QueryParser.Query q = parse("\n 1, 2.5 ,-3\n");
        assertArrayEquals(new float[] {1f, 2.5f, -3f}, q.vector());
        assertEquals(QueryParser.DEFAULT_K, q.k());
        assertEquals(QueryParser.VOLUME_EF, q.ef());
        assertNull(q.under());
        q = parse("1,2,3\nk=500\nef=20\nunder=/a//b/./c/\nmetric=euclidean\n");
        assertEquals(500, q.k());
        assertEquals(500, q.ef(), "ef is raised to k");
        assertEquals("/a/b/c", q.under().toString());
        assertEquals(MountPath.ROOT, parse("1,2,3\nunder=/\n").under());
        assertEquals(10_000, parse("1,2,3\nk=10000").k());
    }

    @Test
    void badQueriesAreEinval() {
        for (String q : new String[] {"", "\n\n", "1,2", "1,2,3,4", "a,b,c", "NaN,1,2", "1,Infinity,2", "1,,2",
                "1,2,3\nk=0", "1,2,3\nk=10001", "1,2,3\nk=x", "1,2,3\nef=0", "1,2,3\nef=100001", "1,2,3\nwho=me",
                "1,2,3\nmetric=cosine", "1,2,3\nmetric=manhattan", "1,2,3\nunder=rel", "1,2,3\nunder=/a/../..",
                "1,2,3\nunder=/a/\0b", "1,2,3\njunk", "1,2,3\n=5"}) {
            refused(q);
        }
        refused("1," + "0".repeat(QueryParser.MAX_QUERY_BYTES) + ",2");
    }
}
