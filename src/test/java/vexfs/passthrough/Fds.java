package vexfs.passthrough;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The daemon's own descriptors, as /proc/self/fd shows them. */
final class Fds {
    private static final Path PROC_FD = Path.of("/proc/self/fd");

    private Fds() {}

    /** How many descriptors this process has open (the listing's own descriptor counts alike every time). */
    static long count() {
        try (Stream<Path> s = Files.list(PROC_FD)) {
            return s.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether {@code fd} is open on {@code file} (a number reused for something else does not count). */
    static boolean isOpenOn(int fd, Path file) {
        try {
            Path target = Files.readSymbolicLink(PROC_FD.resolve(Integer.toString(fd)));
            return target.equals(file.toAbsolutePath());
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
