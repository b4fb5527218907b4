package vexfs.cli;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import vexfs.volume.StoreAccessException;

/** The {@code vexfs} command: subcommands are thin; each parses, calls one package API and prints. */
@Command(name = "vexfs", mixinStandardHelpOptions = true, version = "vexfs " + vexfs.base.BuildInfo.VERSION,
        description = "A FUSE filesystem where every file can carry an embedding vector, searchable through the mount.")
public final class Main implements Runnable {
    /**
     * The subcommands, in usage order. Only the one named on the command line is built (picocli reflects over a
     * command's annotations when it is added, and the mount daemon should not pay for all of them at start);
     * without a known name (usage, help) all are.
     */
    private static final List<Map.Entry<String, Supplier<Object>>> SUBCOMMANDS = List.of(
            Map.entry("mkfs", MkfsCommand::new), Map.entry("mount", MountCommand::new),
            Map.entry("umount", UmountCommand::new), Map.entry("status", StatusCommand::new),
            Map.entry("verify", VerifyCommand::new),
            Map.entry("reindex", ReindexCommand::new), Map.entry("inspect", InspectCommand::new),
            Map.entry("search", SearchCommand::new), Map.entry("fashion-mnist", FashionMnistCommand::new),
            Map.entry("import", ImportCommand::new), Map.entry("help", CommandLine.HelpCommand::new));

    /** System.nanoTime() when this class was initialised, i.e. at main() entry: the start of "our own code". */
    private static final long START_NANOS = System.nanoTime();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** System.nanoTime() at main() entry (class initialisation of Main). */
    public static long startNanos() {
        return START_NANOS;
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (tests call this instead of main). */
    public static int run(String... args) {
        MountCommand fast = FastMountArgs.parse(args);
        if (fast != null) {
            try {
                return fast.call();
            } catch (StoreAccessException e) {
                System.err.println("vexfs mount: " + e.getMessage());
                return 2;
            } catch (Exception e) {
                System.err.println("vexfs: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
                return 1;
            }
        }
        CommandLine root = new CommandLine(new Main());
        String first = args.length > 0 ? args[0] : "";
        boolean known = !first.equals("help") && SUBCOMMANDS.stream().anyMatch(e -> e.getKey().equals(first));
        for (Map.Entry<String, Supplier<Object>> e : SUBCOMMANDS) {
            if (!known || e.getKey().equals(first)) root.addSubcommand(e.getKey(), e.getValue().get());
        }
        return root
                .setExecutionExceptionHandler((ex, cl, parsed) -> {
                    if (ex instanceof StoreAccessException) { // the store is private to another user: a usage error
                        cl.getErr().println("vexfs " + cl.getCommandName() + ": " + ex.getMessage());
                        return 2;
                    }
                    cl.getErr().println("vexfs: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
                    return 1;
                })
                .execute(args);
    }
}
