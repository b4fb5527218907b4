package vexfs.bindings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vexfs.testing.ChildProcess;

/**
 * Compiles native-headers/abi_probe.c with gcc against the installed libfuse3 headers, runs it, and checks every
 * size, offset, bitfield mask and constant the hand-written bindings hard-code, found by reflection so that a
 * new field or constant cannot escape the check.
 */
class AbiProbeTest {
    static final List<Class<?>> STRUCTS = List.of(timespec.class, stat.class, statvfs.class, flock.class,
            iovec.class, dirent64.class, fuse_entry_param.class, fuse_file_info.class, fuse_conn_info.class,
            fuse_buf.class, fuse_bufvec.class, fuse_ctx.class, fuse_forget_data.class, fuse_args.class,
            fuse_lowlevel_ops.class);
    /** Fields of our layouts that are not C fields (the fuse_file_info bitfield words, checked via bit.*). */
    static final List<String> NOT_C_FIELDS = List.of("fuse_file_info.bits", "fuse_file_info.bits2");

    static Map<String, String> probe;

    @BeforeAll
    static void runProbe(@TempDir Path dir) throws Exception {
        Path src = Path.of("native-headers/abi_probe.c").toAbsolutePath();
        Path exe = dir.resolve("abi_probe");
        List<String> cmd = new ArrayList<>(List.of("gcc", "-Wall", "-Werror", "-o", exe.toString(), src.toString()));
        cmd.addAll(List.of(run("pkg-config", "--cflags", "fuse3").trim().split("\\s+")));
        run(cmd.toArray(String[]::new));
        probe = new HashMap<>();
        for (String line : run(exe.toString()).split("\n")) {
            String[] kv = line.trim().split(" ", 2);
            if (kv.length == 2) probe.put(kv[0], kv[1]);
        }
    }

    static String run(String... cmd) throws IOException, InterruptedException {
        ChildProcess.Result r = ChildProcess.run(List.of(cmd), Duration.ofSeconds(60));
        assertEquals(0, r.exit(), String.join(" ", cmd) + " failed:\n" + r.text());
        return r.text();
    }

    @Test
    void headerIsTheOneTheBindingsWereWrittenFor() {
        assertEquals("314", probe.get("fuse_use_version"));
    }

    @Test
    void everyStructSizeAndOffsetMatchesC() throws Exception {
        int checked = 0;
        for (Class<?> c : STRUCTS) {
            String name = c.getSimpleName();
            long size = (long) c.getMethod("sizeof").invoke(null);
            assertEquals(probe.get("sizeof." + name), Long.toString(size), "sizeof(struct " + name + ")");
            for (Method m : c.getMethods()) {
                if (!m.getName().endsWith("$offset") || !Modifier.isStatic(m.getModifiers())) continue;
                String field = m.getName().substring(0, m.getName().length() - "$offset".length());
                String key = name + "." + field;
                if (NOT_C_FIELDS.contains(key)) continue;
                String expected = probe.get("offset." + key);
                assertNotNull(expected, "probe does not report offsetof(" + key + "): add it to abi_probe.c");
                assertEquals(expected, m.invoke(null).toString(), "offsetof(" + key + ")");
                checked++;
            }
        }
        assertTrue(checked > 100, "only " + checked + " offsets checked");
    }

    @Test
    void fileInfoBitfieldsMatchC() throws Exception {
        for (Field f : FileInfoBits.class.getFields()) {
            if (f.getName().equals("WORD_OFFSET")) continue;
            String expected = probe.get("bit.fuse_file_info." + f.getName());
            assertNotNull(expected, "probe does not report bitfield " + f.getName());
            assertEquals(expected, FileInfoBits.WORD_OFFSET + ":" + f.getInt(null), "bitfield " + f.getName());
        }
    }

    @Test
    void everyConstantMatchesC() throws Exception {
        int checked = 0;
        for (Field f : constants_h.class.getFields()) {
            String expected = probe.get("const." + f.getName());
            assertNotNull(expected, "probe does not report " + f.getName() + ": add it to abi_probe.c");
            assertEquals(expected, f.get(null).toString(), f.getName());
            checked++;
        }
        assertTrue(checked > 100);
    }

    @Test
    void loadedLibraryIsSupported() {
        int v = vexfs.fuse.FuseLibrary.version();
        assertTrue(v >= 314, "fuse_version() = " + v);
        vexfs.fuse.FuseLibrary.checkSupported();
    }

    @Test
    void probeSourceExists() {
        assertTrue(Files.exists(Path.of("native-headers/vexfs_fuse.h")));
    }
}
