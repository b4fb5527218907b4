package vexfs.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import vexfs.Mutator;
import vexfs.libc.Errno;
import vexfs.libc.FsException;

/** Mutated queries: a parsed query is always usable (dim finite floats, k/ef in range, under normalised), or EINVAL. */
class QueryParserFuzzTest {
    @Test
    void everyQueryParsesCleanlyOrIsEinval() {
        List<byte[]> seeds = List.of(b("0.1,0.2,0.3,0.4\n"), b("1,2,3,4\nk=3\nef=50\nunder=/a/b\n"),
                b("\n\n-1e-3, 2.5E2 ,3,4\nk=10000\n"), b("0,0,0,1\nunder=/\n\n"));
        Mutator.run("QueryParser", seeds, in -> {
            try {
                QueryParser.Query q = QueryParser.parse(in, 4);
                assertEquals(4, q.vector().length);
                for (float f : q.vector()) assertTrue(Float.isFinite(f));
                assertTrue(q.k() >= 1 && q.k() <= QueryParser.MAX_K && (q.ef() == QueryParser.VOLUME_EF || q.ef() >= q.k() && q.ef() <= QueryParser.MAX_EF));
                if (q.under() != null) {
                    String u = q.under().toString();
                    assertTrue(u.startsWith("/"), u);
                    assertFalse(u.contains("/../") || u.endsWith("/..") || u.contains("\0"), u);
                }
            } catch (FsException e) {
                assertEquals(Errno.EINVAL, e.errno(), e.getMessage());
                assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
            }
        });
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
