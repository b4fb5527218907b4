package vexfs.control;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The mount's owner: the uid this daemon runs as (the owner of /proc/self), or 0 if it cannot be read. */
final class OwnerUid {
    private OwnerUid() {}

    static int ofThisProcess() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException | RuntimeException e) {
            return 0;  // root only: stricter, never looser
        }
    }
}
