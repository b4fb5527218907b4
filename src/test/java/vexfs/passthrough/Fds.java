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

    /**
     * How many descriptors this process has open on {@code root} or anything below it (deleted files included).
     * Only those count, so descriptors other threads of the test JVM open and close meanwhile (other test
     * classes' background threads, pipes of child processes) cannot disturb a before/after comparison.
     */
    static long countUnder(Path root) {
        String prefix = root.toAbsolutePath().toString();
        long n = 0;
        try (Stream<Path> s = Files.list(PROC_FD)) {
            for (Path link : (Iterable<Path>) s::iterator) {
                String target;
                try {
                    target = Files.readSymbolicLink(link).toString();
                } catch (NoSuchFileException closedMeanwhile) {
                    continue;
                }
                if (target.equals(prefix) || target.startsWith(prefix + "/")) n++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return n;
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
