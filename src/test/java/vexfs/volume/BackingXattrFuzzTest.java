package vexfs.volume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import vexfs.Mutator;
import vexfs.store.InvalidVectorException;

/** The vector xattr of backing files may be copied in from anywhere: it decodes or is refused as invalid. */
class BackingXattrFuzzTest {
    @Test
    void xattrValuesDecodeOrAreInvalid() {
        List<byte[]> seeds = List.of(BackingXattr.encode(new float[] {1, 2, 3}), BackingXattr.storeOnlyMarker(3));
        Mutator.run("backing xattr", seeds, in -> {
            BackingXattr.Value v = BackingXattr.decode(in);
            assertTrue(v.dim() >= 1);
            if (!v.storeOnly()) assertEquals(v.dim(), v.vector().length);
        }, InvalidVectorException.class);
    }
}
