package vexfs;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layers, checked on the compiled classes (static, qualified and javadoc-free references included, unlike a
 * look at import lines): cli → daemon → control / vector / passthrough → volume → store / index / embed → base, with fuse
 * and libc at the bottom; no cycles between packages; native calls (bindings, Linker) only in fuse and libc, and
 * no FFM types at all in the layers above the store and the index (which map files into MemorySegments).
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("vexfs");
    }

    @Test
    void layers() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("cli").definedBy("vexfs.cli..")
                .layer("daemon").definedBy("vexfs.daemon..")
                .layer("control").definedBy("vexfs.control..")
                .layer("vector").definedBy("vexfs.vector..")
                .layer("passthrough").definedBy("vexfs.passthrough..")
                .layer("volume").definedBy("vexfs.volume..")
                .layer("store").definedBy("vexfs.store..")
                .layer("index").definedBy("vexfs.index..")
                .layer("embed").definedBy("vexfs.embed..")
                .layer("base").definedBy("vexfs.base..")
                .layer("fuse").definedBy("vexfs.fuse..")
                .layer("libc").definedBy("vexfs.libc..")
                .layer("bindings").definedBy("vexfs.bindings..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("daemon").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("control").mayOnlyBeAccessedByLayers("daemon", "cli")
                .whereLayer("vector").mayOnlyBeAccessedByLayers("daemon", "cli")
                .whereLayer("passthrough").mayOnlyBeAccessedByLayers("vector", "daemon", "cli")
                .whereLayer("volume").mayOnlyBeAccessedByLayers("control", "vector", "passthrough", "daemon", "cli")
                .whereLayer("store").mayOnlyBeAccessedByLayers("volume", "control", "vector", "daemon", "cli")
                .whereLayer("index").mayOnlyBeAccessedByLayers("volume", "control", "daemon", "cli")
                .whereLayer("embed").mayOnlyBeAccessedByLayers("control", "vector", "daemon", "cli")
                .whereLayer("base").mayOnlyBeAccessedByLayers("store", "index", "embed", "volume", "control", "vector",
                        "passthrough", "daemon", "cli")
                .whereLayer("fuse").mayOnlyBeAccessedByLayers("control", "vector", "passthrough", "daemon", "cli")
                .whereLayer("bindings").mayOnlyBeAccessedByLayers("fuse", "libc")
                .check(classes);
    }

    @Test
    void noCyclesBetweenPackages() {
        slices().matching("vexfs.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void nativeCallsOnlyInFuseAndLibc() {
        noClasses().that().resideOutsideOfPackages("vexfs.fuse..", "vexfs.libc..", "vexfs.bindings..")
                .should().dependOnClassesThat().haveFullyQualifiedName("java.lang.foreign.Linker")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.lang.foreign.SymbolLookup")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.lang.foreign.FunctionDescriptor")
                .check(classes);
    }

    @Test
    void layersAboveTheMappingsSeePlainJavaOnly() {
        noClasses().that().resideInAnyPackage("vexfs.cli..", "vexfs.daemon..", "vexfs.control..", "vexfs.vector..",
                        "vexfs.passthrough..", "vexfs.volume..", "vexfs.embed..")
                .should().dependOnClassesThat().resideInAPackage("java.lang.foreign..")
                .check(classes);
    }
}
