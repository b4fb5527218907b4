package vexfs.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import vexfs.base.Metric;
import vexfs.store.VectorStore;

@Command(name = "mkfs", mixinStandardHelpOptions = true,
        description = "Create a vector store in BACKING/.vexfs/ (dimension and metric are fixed per store).")
final class MkfsCommand implements Callable<Integer> {
    @Option(names = "--dim", required = true, description = "vector dimension, 1..4096")
    int dim;

    @Option(names = "--metric", defaultValue = "l2", description = "l2, cosine or dot (default: ${DEFAULT-VALUE})")
    String metric;

    @Option(names = "--force", description = "replace an existing store (its vectors are lost)")
    boolean force;

    @Parameters(index = "0", paramLabel = "BACKING", description = "the directory whose files the mount shows")
    Path backing;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(backing)) {
            System.err.println("vexfs mkfs: " + backing + " is not a directory");
            return 2;
        }
        Metric m;
        try {
            m = Metric.parse(metric);
        } catch (IllegalArgumentException e) {
            System.err.println("vexfs mkfs: " + e.getMessage());
            return 2;
        }
        Path storeDir = backing.resolve(".vexfs");
        try (VectorStore s = VectorStore.create(storeDir, dim, m, force)) {
            System.out.printf("created %s: dim %d, metric %s%n", storeDir, s.dimension(), s.metric().label());
        } catch (IllegalArgumentException | java.nio.file.FileAlreadyExistsException e) {
            System.err.println("vexfs mkfs: " + e.getMessage());
            return 2;
        }
        return 0;
    }
}
