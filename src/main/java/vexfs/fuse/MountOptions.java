package vexfs.fuse;

import java.util.List;

/**
 * How to mount: the "-o" options passed to libfuse/the kernel (fsname, allow_other, default_permissions, ro,
 * ...), libfuse's debug output, the number of reader threads and the bound on handed-off requests.
 */
public record MountOptions(List<String> kernelOptions, boolean debug, int readerThreads, int maxInFlight,
                           int blockingThreads) {
    public MountOptions {
        kernelOptions = List.copyOf(kernelOptions);
        if (readerThreads < 1) throw new IllegalArgumentException("readerThreads must be >= 1");
        if (maxInFlight < 1) throw new IllegalArgumentException("maxInFlight must be >= 1");
        if (blockingThreads < 1) throw new IllegalArgumentException("blockingThreads must be >= 1");
    }

    public static MountOptions defaults(List<String> kernelOptions) {
        int cpus = Runtime.getRuntime().availableProcessors();
        return new MountOptions(kernelOptions, false, Math.max(2, cpus), 256, Math.max(4, cpus * 2));
    }

    public MountOptions withDebug(boolean d) {
        return new MountOptions(kernelOptions, d, readerThreads, maxInFlight, blockingThreads);
    }
}
