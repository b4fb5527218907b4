package vexfs.passthrough;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The daemon's soft RLIMIT_NOFILE, as /proc/self/limits says it now ("Max open files  SOFT  HARD  files"). */
final class OpenFilesLimit {
    private OpenFilesLimit() {}

    /** The soft limit, or -1 if unlimited or unknown. */
    static long soft() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
                if (!line.startsWith("Max open files")) continue;
                String[] f = line.substring("Max open files".length()).trim().split("\\s+");
                return f.length > 0 && !f[0].equals("unlimited") ? Long.parseLong(f[0]) : -1;
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
