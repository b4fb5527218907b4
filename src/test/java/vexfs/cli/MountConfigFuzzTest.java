package vexfs.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import vexfs.Mutator;

/** Mutated -o strings: parsed into options libfuse can take (no commas, NULs or empty keys), or refused with a message. */
class MountConfigFuzzTest {
    @Test
    void everyOptionStringParsesCleanlyOrIsRefused() {
        List<byte[]> seeds = List.of(b("allow_other,default_permissions"), b("ro,attr_timeout=2.5,similar_k=20"),
                b("fsname=docs,readers=4,noatime,writeback"), b("timeout=0,direct_io,auto_unmount,_netdev"));
        Mutator.run("MountConfig", seeds, in -> {
            try {
                MountConfig c = MountConfig.parse(List.of(new String(in, StandardCharsets.UTF_8)));
                assertTrue(c.similarK() >= 1 && c.similarK() <= 1000 && c.readers() >= 1 && c.readers() <= 64);
                assertTrue(c.passthrough().attrTimeout() >= 0 && c.passthrough().entryTimeout() >= 0);
                for (String o : c.kernelOptions()) {
                    assertFalse(o.isEmpty() || o.contains(",") || o.contains("\0") || o.startsWith("="), "kernel option '" + o + "'");
                }
            } catch (IllegalArgumentException e) {
                assertTrue(e.getMessage() != null && e.getMessage().contains("option"), e.getMessage());
            }
        }, IllegalArgumentException.class);
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
