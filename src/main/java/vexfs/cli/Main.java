package vexfs.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code vexfs} command: subcommands are thin; each parses, calls one package API and prints. */
@Command(name = "vexfs", mixinStandardHelpOptions = true, version = "vexfs 0.1.0",
        description = "A FUSE filesystem where every file can carry an embedding vector, searchable through the mount.",
        subcommands = {MkfsCommand.class, MountCommand.class, UmountCommand.class, VerifyCommand.class,
                ReindexCommand.class, InspectCommand.class, SearchCommand.class,
                FashionMnistCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (tests call this instead of main). */
    public static int run(String... args) {
        return new CommandLine(new Main())
                .setExecutionExceptionHandler((ex, cl, parsed) -> {
                    cl.getErr().println("vexfs: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
                    return 1;
                })
                .execute(args);
    }
}
