package vexfs.fs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The graph is derived from the store's slots: when the store is replaced ({@code vexfs reindex}) or found
 * unusable by verify, the graph is deleted so that the next mount rebuilds it rather than serving slots that mean
 * something else now. (Checking the graph itself is {@code vexfs verify}'s graph half, in the cli.)
 */
final class GraphCheck {
    private GraphCheck() {}

    static void remove(Path backing) throws IOException {
        Path file = StoreMaintenance.storeDir(backing).resolve(SearchWiring.GRAPH_FILE);
        Files.deleteIfExists(file);
        Files.deleteIfExists(file.resolveSibling(file.getFileName() + ".upper"));
    }
}
