package vexfs.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show a mount's state from MOUNTPOINT/.vexfs/stats: vectors, graph, the embed queue "
                + "(length, files embedded, files/s, failures and the last reason) and the request statistics.",
                "--embed shows the embedding rows only."})
final class StatusCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "MOUNTPOINT")
    Path mountpoint;

    @Option(names = "--embed", description = "only the embed_* rows (automatic embedding)")
    boolean embedOnly;

    @Override
    public Integer call() throws IOException {
        String stats;
        try {
            stats = Files.readString(mountpoint.resolve(".vexfs/stats"));
        } catch (NoSuchFileException e) {
            System.err.println("vexfs status: " + mountpoint + " is not a VexFS mount (no .vexfs/stats)");
            return 2;
        }
        StringBuilder out = new StringBuilder();
        for (String line : stats.split("\n", -1)) {
            if (line.isEmpty()) continue;
            if (!embedOnly || line.startsWith("embed_")) out.append(line).append('\n');
        }
        if (embedOnly && out.isEmpty()) {
            System.err.println("vexfs status: " + mountpoint + " has no embedder (made without mkfs --embed)");
            return 1;
        }
        System.out.print(out);
        return 0;
    }
}
