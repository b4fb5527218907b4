package vexfs.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "umount", mixinStandardHelpOptions = true,
        description = "Unmount a VexFS mount cleanly (the daemon finishes in-flight requests and exits).")
final class UmountCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "MOUNTPOINT")
    Path mountpoint;

    @Override
    public Integer call() throws Exception {
        return Mounts.unmount(mountpoint.toAbsolutePath().normalize()) ? 0 : 1;
    }
}
