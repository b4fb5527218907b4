package vexfs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The boundaries, checked rather than promised: libfuse's memory (vexfs.bindings) is seen only by vexfs.fuse;
 * fs and cli see no FFM types at all (store and index may map files into MemorySegments, which DESIGN.md asks
 * for). And no recursion guard is needed for what cannot happen: no class outside bindings/fuse links libfuse.
 */
class ArchitectureBoundaryTest {
    static List<String> violations(String pkgDir, String... forbidden) throws IOException {
        List<String> out = new ArrayList<>();
        Path dir = Path.of("src/main/java/vexfs", pkgDir);
        if (!Files.isDirectory(dir)) return out;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String src = Files.readString(f);
                for (String bad : forbidden) {
                    if (src.contains("import " + bad)) out.add(f + " imports " + bad);
                }
            }
        }
        return out;
    }

    @Test
    void onlyTheFusePackageSeesTheBindings() throws IOException {
        List<String> v = new ArrayList<>();
        for (String pkg : List.of("fs", "store", "index", "cli")) v.addAll(violations(pkg, "vexfs.bindings"));
        assertTrue(v.isEmpty(), String.join("\n", v));
    }

    @Test
    void filesystemAndCliSeePlainJavaOnly() throws IOException {
        List<String> v = new ArrayList<>();
        for (String pkg : List.of("fs", "cli")) v.addAll(violations(pkg, "java.lang.foreign", "vexfs.bindings"));
        assertTrue(v.isEmpty(), String.join("\n", v));
    }
}
