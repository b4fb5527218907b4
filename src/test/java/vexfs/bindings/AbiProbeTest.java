package vexfs.bindings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.foreign.GroupLayout;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import vexfs.testing.ChildProcess;

/**
 * Compiles native-headers/abi_probe.c with gcc against every libfuse header set at hand, runs it, and checks every
 * size, offset, bitfield mask and constant the hand-written bindings hard-code for the ABI that
 * {@link FuseAbi#forVersion} picks for that header set's version: the run-time decision itself is what is checked
 * against the C compiler. Binding fields are found by reflection, so a new field or constant cannot escape.
 *
 * <p>Header sets: the installed one (pkg-config fuse3: 3.14.0 on Debian 12); libfuse 3.17.2 built by
 * scripts/ci-libfuse317 under $VEXFS_FUSE317_PREFIX (default ~/.cache/vexfs-refs/libfuse-3.17.2), required when
 * VEXFS_REQUIRE_FUSE317=1 (scripts/test sets it) and skipped with a message otherwise; and any prefixes listed in
 * VEXFS_ABI_HEADER_PREFIXES (colon separated, each with include/fuse3 and a fuse3.pc below it), e.g. headers of
 * 3.14.1 or 3.16.2 for the middle ABI that no Debian release ships.
 */
class AbiProbeTest {
    /** Structs whose layout is the same class for every ABI. */
    static final List<Class<?>> COMMON = List.of(timespec.class, stat.class, statvfs.class, flock.class,
            iovec.class, dirent64.class, fuse_entry_param.class, fuse_ctx.class, fuse_forget_data.class,
            fuse_args.class, fuse_lowlevel_ops.class);
    /** The ABI-specific shapes, also reached through FuseAbi's layouts (checked to be these classes'). */
    static final List<Class<?>> SHAPES_3_14 = List.of(fuse_file_info.class, fuse_conn_info.class, fuse_buf.class,
            fuse_bufvec.class);
    static final List<Class<?>> SHAPES_3_17 = List.of(fuse_file_info_317.class, fuse_conn_info_317.class,
            fuse_buf_317.class, fuse_bufvec_317.class, libfuse_version.class);
    /** Fields of our layouts that are not C fields (bitfield words: checked through FileInfoBits and bit.*). */
    static final List<String> NOT_C_FIELDS = List.of("fuse_file_info.bits", "fuse_file_info.bits2",
            "fuse_file_info.bits3", "fuse_conn_info.bits");
    /**
     * libfuse takes op_size and copies only that many bytes, so a 3.14-sized ops table is a valid prefix of a newer
     * library's (3.17 appended tmpfile): sizeof may be smaller than C's, never larger, and offsets must match.
     */
    static final List<Class<?>> PREFIX_OK = List.of(fuse_lowlevel_ops.class);

    /** One set of libfuse headers: where they are and the version their pkg-config file declares. */
    record HeaderSet(String name, String pkgConfigPath, LibfuseVersion version) {
        @Override
        public String toString() {
            return name + " (libfuse " + version + ")";
        }

        FuseAbi abi() {
            return FuseAbi.forVersion(version, name);
        }

        /** FUSE_USE_VERSION to compile with: the bindings speak 314 up to 3.16, and 317 for the 3.17 shapes. */
        int useVersion() {
            return abi() == FuseAbi.V3_17 ? 317 : 314;
        }
    }

    static final Path PROBE_DIR = tempDir();
    static final Map<String, Map<String, String>> PROBES = new ConcurrentHashMap<>();

    static Stream<HeaderSet> headerSets() throws Exception {
        List<HeaderSet> sets = new ArrayList<>();
        sets.add(new HeaderSet("installed headers", null, LibfuseVersion.parse(pkgConfig(null, "--modversion"))));
        sets.add(fuse317());
        String extra = System.getenv("VEXFS_ABI_HEADER_PREFIXES");
        if (extra != null) {
            for (String prefix : extra.split(":")) {
                if (prefix.isBlank()) continue;
                String pc = pkgConfigDir(Path.of(prefix));
                assertNotNull(pc, "VEXFS_ABI_HEADER_PREFIXES names " + prefix + " but it has no fuse3.pc");
                sets.add(new HeaderSet(prefix, pc, LibfuseVersion.parse(pkgConfig(pc, "--modversion"))));
            }
        }
        return sets.stream();
    }

    /** The private 3.17.2 build, or a placeholder whose tests skip (or fail, when it is required). */
    static HeaderSet fuse317() throws Exception {
        String env = System.getenv("VEXFS_FUSE317_PREFIX");
        Path prefix = env != null && !env.isBlank() ? Path.of(env)
                : Path.of(System.getProperty("user.home"), ".cache", "vexfs-refs", "libfuse-3.17.2");
        String pc = pkgConfigDir(prefix);
        if (pc == null) return new HeaderSet("missing " + prefix, null, FuseAbi.CHECKED_3_17);
        return new HeaderSet(prefix.toString(), pc, LibfuseVersion.parse(pkgConfig(pc, "--modversion")));
    }

    static String pkgConfigDir(Path prefix) throws IOException {
        if (!Files.isDirectory(prefix)) return null;
        try (Stream<Path> s = Files.walk(prefix, 4)) {
            return s.filter(p -> p.getFileName().toString().equals("fuse3.pc")).findFirst()
                    .map(p -> p.getParent().toString()).orElse(null);
        }
    }

    static Map<String, String> probe(HeaderSet set) {
        if (set.name().startsWith("missing ")) {
            String why = "libfuse 3.17.2 headers not found (" + set.name().substring(8)
                    + "): build them with scripts/ci-libfuse317";
            if ("1".equals(System.getenv("VEXFS_REQUIRE_FUSE317"))) fail(why);
            Assumptions.abort(why);
        }
        return PROBES.computeIfAbsent(set.name(), k -> {
            try {
                return runProbe(set);
            } catch (Exception e) {
                throw new AssertionError("probe against " + set + " failed: " + e.getMessage(), e);
            }
        });
    }

    static Map<String, String> runProbe(HeaderSet set) throws Exception {
        Path src = Path.of("native-headers/abi_probe.c").toAbsolutePath();
        Path exe = PROBE_DIR.resolve("abi_probe_" + PROBES.size() + "_" + set.version().text());
        List<String> cflags = List.of(pkgConfig(set.pkgConfigPath(), "--cflags").trim().split("\\s+"));
        List<String> cmd = new ArrayList<>(List.of("gcc", "-Wall", "-Werror", "-DFUSE_USE_VERSION=" + set.useVersion()));
        if (hasParallelDirectWrites(cflags, set.useVersion())) cmd.add("-DVEXFS_HAVE_PARALLEL_DIRECT_WRITES");
        cmd.addAll(List.of("-o", exe.toString(), src.toString()));
        cmd.addAll(cflags);
        run(null, cmd.toArray(String[]::new));
        Map<String, String> probe = new HashMap<>();
        for (String line : run(null, exe.toString()).split("\n")) {
            String[] kv = line.trim().split(" ", 2);
            if (kv.length == 2) probe.put(kv[0], kv[1]);
        }
        return probe;
    }

    /** meson's has_member, by hand: does this header set's fuse_file_info have parallel_direct_writes? */
    static boolean hasParallelDirectWrites(List<String> cflags, int useVersion) throws Exception {
        Path c = PROBE_DIR.resolve("has_pdw_" + System.nanoTime() + ".c");
        Files.writeString(c, "#define FUSE_USE_VERSION " + useVersion + "\n#include <fuse_lowlevel.h>\n"
                + "int main(void) { struct fuse_file_info fi = {0}; fi.parallel_direct_writes = 1; return !fi.flags; }\n");
        List<String> cmd = new ArrayList<>(List.of("gcc", "-fsyntax-only", c.toString()));
        cmd.addAll(cflags);
        try (ChildProcess p = ChildProcess.start(new ProcessBuilder(cmd).redirectErrorStream(true))) {
            return p.await(Duration.ofSeconds(60)).exit() == 0;
        }
    }

    static String pkgConfig(String path, String what) throws Exception {
        return run(path, "pkg-config", what, "fuse3").trim();
    }

    static String run(String pkgConfigPath, String... cmd) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        // PKG_CONFIG_LIBDIR replaces the default search path: the system's fuse3.pc cannot answer for a prefix
        if (pkgConfigPath != null) pb.environment().put("PKG_CONFIG_LIBDIR", pkgConfigPath);
        try (ChildProcess p = ChildProcess.start(pb)) {
            ChildProcess.Result r = p.await(Duration.ofSeconds(60)); // bounded: a hung child is killed, not waited for
            assertEquals(0, r.exit(), String.join(" ", cmd) + " failed:\n" + r.text());
            return r.text();
        }
    }

    static Path tempDir() {
        try {
            return Files.createTempDirectory("vexfs-abi-probe");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @AfterAll
    static void removeProbes() throws IOException {
        try (Stream<Path> s = Files.walk(PROBE_DIR)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    static String cName(Class<?> c) throws Exception {
        return ((GroupLayout) c.getMethod("layout").invoke(null)).name().orElseThrow();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("headerSets")
    void headerIsTheVersionItsPackageClaims(HeaderSet set) {
        Map<String, String> probe = probe(set);
        assertEquals(Integer.toString(set.version().fuseVersion()), probe.get("fuse_header_version"),
                "FUSE_VERSION of " + set);
        assertEquals(Integer.toString(set.useVersion()), probe.get("fuse_use_version"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("headerSets")
    void theAbiChosenForTheVersionNamesTheShapesCheckedHere(HeaderSet set) {
        probe(set);
        FuseAbi abi = set.abi();
        List<Class<?>> shapes = abi == FuseAbi.V3_17 ? SHAPES_3_17 : SHAPES_3_14;
        assertSame(layoutOf(shapes.get(0)), abi.fileInfo());
        assertSame(layoutOf(shapes.get(1)), abi.connInfo());
        assertSame(layoutOf(shapes.get(2)), abi.buf());
        assertSame(layoutOf(shapes.get(3)), abi.bufvec());
    }

    static GroupLayout layoutOf(Class<?> c) {
        try {
            return (GroupLayout) c.getMethod("layout").invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("headerSets")
    void everyStructSizeAndOffsetMatchesC(HeaderSet set) throws Exception {
        Map<String, String> probe = probe(set);
        List<Class<?>> structs = new ArrayList<>(COMMON);
        structs.addAll(set.abi() == FuseAbi.V3_17 ? SHAPES_3_17 : SHAPES_3_14);
        int checked = 0;
        for (Class<?> c : structs) {
            String name = cName(c);
            long size = (long) c.getMethod("sizeof").invoke(null);
            String cSize = probe.get("sizeof." + name);
            assertNotNull(cSize, "probe does not report sizeof(struct " + name + ")");
            if (PREFIX_OK.contains(c)) {
                assertTrue(size <= Long.parseLong(cSize), "sizeof(struct " + name + "): ours " + size + " > C's " + cSize);
            } else {
                assertEquals(cSize, Long.toString(size), "sizeof(struct " + name + ") for " + c.getSimpleName());
            }
            checked += checkOffsets(probe, c, name, List.of());
        }
        assertTrue(checked > 100, "only " + checked + " offsets checked");
    }

    /**
     * The code reads and writes 3.17 structs through the 3.14 classes' accessors (allocating the 3.17 size), so
     * each field they name must sit at the same offset in every header set; {@code reserved} is the one that moved
     * (3.17 put its new fuse_conn_info fields at its start) and no code touches it.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("headerSets")
    void theSharedAccessorsFitEveryAbi(HeaderSet set) throws Exception {
        Map<String, String> probe = probe(set);
        int checked = 0;
        for (Class<?> c : SHAPES_3_14) checked += checkOffsets(probe, c, cName(c), List.of("reserved"));
        assertTrue(checked >= 20, "only " + checked + " offsets checked");
    }

    static int checkOffsets(Map<String, String> probe, Class<?> c, String name, List<String> skip) throws Exception {
        int checked = 0;
        for (Method m : c.getMethods()) {
            if (!m.getName().endsWith("$offset") || !Modifier.isStatic(m.getModifiers())) continue;
            String field = m.getName().substring(0, m.getName().length() - "$offset".length());
            String key = name + "." + field;
            if (NOT_C_FIELDS.contains(key) || skip.contains(field)) continue;
            String expected = probe.get("offset." + key);
            assertNotNull(expected, "probe does not report offsetof(" + key + "): add it to abi_probe.c");
            assertEquals(expected, m.invoke(null).toString(), "offsetof(" + key + ") in " + c.getSimpleName());
            checked++;
        }
        return checked;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("headerSets")
    void fileInfoBitfieldsMatchC(HeaderSet set) throws Exception {
        Map<String, String> probe = probe(set);
        FileInfoBits bits = set.abi().fileInfoBits();
        for (RecordComponent rc : FileInfoBits.class.getRecordComponents()) {
            int mask = (int) rc.getAccessor().invoke(bits);
            String expected = probe.get("bit.fuse_file_info." + rc.getName());
            assertNotNull(expected, "probe does not report bitfield " + rc.getName());
            assertEquals(expected, mask == 0 ? "none" : FileInfoBits.WORD_OFFSET + ":" + mask,
                    "bitfield " + rc.getName() + " for ABI " + set.abi());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("headerSets")
    void everyConstantMatchesC(HeaderSet set) throws Exception {
        Map<String, String> probe = probe(set);
        int checked = 0;
        List<Field> fields = new ArrayList<>(List.of(constants_h.class.getFields()));
        if (set.abi() == FuseAbi.V3_17) fields.addAll(List.of(constants_317_h.class.getFields()));
        for (Field f : fields) {
            String expected = probe.get("const." + f.getName());
            assertNotNull(expected, "probe does not report " + f.getName() + ": add it to abi_probe.c");
            assertEquals(expected, f.get(null).toString(), f.getName());
            checked++;
        }
        assertTrue(checked > 100);
    }

    /** The library this JVM loaded (VEXFS_LIBFUSE or the system's) is supported, by the ABI its version implies. */
    @Test
    void loadedLibraryIsSupported() {
        vexfs.fuse.FuseLibrary.checkSupported();
        LibfuseVersion v = LibfuseVersion.parse(vexfs.fuse.FuseLibrary.packageVersion());
        assertEquals(FuseAbi.forVersion(v, null), vexfs.fuse.FuseLibrary.abi());
        assertEquals(v.fuseVersion(), vexfs.fuse.FuseLibrary.version());
    }

    @Test
    void probeSourceExists() {
        assertTrue(Files.exists(Path.of("native-headers/vexfs_fuse.h")));
        assertTrue(Files.exists(Path.of("native-headers/abi_probe.c")));
    }
}
