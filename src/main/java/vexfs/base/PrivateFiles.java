package vexfs.base;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Files and directories only their owner may read: the store directory ({@code BACKING/.vexfs}, 0700) and every
 * file in it (0600), whatever the process's umask (the daemon runs with umask 0). Creation passes the mode to
 * open(2)/mkdir(2) (so the file is never looser than that, not even for an instant), then sets it exactly
 * (a umask may have removed owner bits) before anything is written.
 */
public final class PrivateFiles {
    private PrivateFiles() {}

    /** rwx------ */
    public static final Set<PosixFilePermission> DIR_MODE = PosixFilePermissions.fromString("rwx------");
    /** rw------- */
    public static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");

    private static final FileAttribute<Set<PosixFilePermission>> DIR_ATTR = PosixFilePermissions.asFileAttribute(DIR_MODE);
    private static final FileAttribute<Set<PosixFilePermission>> FILE_ATTR = PosixFilePermissions.asFileAttribute(FILE_MODE);

    /** Creates {@code dir} (0700) if missing (its parent must exist); an existing directory is set to 0700. */
    public static Path directory(Path dir) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) Files.createDirectory(dir, DIR_ATTR);
        Files.setPosixFilePermissions(dir, DIR_MODE);
        return dir;
    }

    /**
     * {@link FileChannel#open} that creates the file (with {@code CREATE} or {@code CREATE_NEW}) as 0600; with
     * either option the file ends up exactly 0600, also if it existed.
     */
    public static FileChannel open(Path file, OpenOption... options) throws IOException {
        Set<OpenOption> opts = new HashSet<>(List.of(options));
        FileChannel ch = FileChannel.open(file, opts, FILE_ATTR);
        if (opts.contains(StandardOpenOption.CREATE) || opts.contains(StandardOpenOption.CREATE_NEW)) {
            try {
                Files.setPosixFilePermissions(file, FILE_MODE);
            } catch (IOException | RuntimeException e) {
                ch.close();
                throw e;
            }
        }
        return ch;
    }

    /**
     * Sets {@code dir} to 0700 and every regular file and directory in it (one level down, e.g. a left-over
     * temporary directory) to 0600 / 0700 where they are looser or otherwise different. Returns what was changed,
     * as "name 0644 -> 0600", so the caller can say so once.
     */
    public static List<String> tighten(Path dir) throws IOException {
        List<String> changed = new ArrayList<>();
        tightenOne(dir, DIR_MODE, changed, dir.getFileName() + "/");
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    tightenOne(p, DIR_MODE, changed, p.getFileName() + "/");
                } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    tightenOne(p, FILE_MODE, changed, p.getFileName().toString());
                }
            }
        }
        return changed;
    }

    private static void tightenOne(Path p, Set<PosixFilePermission> want, List<String> changed, String label)
            throws IOException {
        Set<PosixFilePermission> have = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
        if (have.equals(want)) return;
        Files.setPosixFilePermissions(p, want);
        changed.add(label + " " + octal(have) + " -> " + octal(want));
    }

    /** The permission bits as 4 octal digits (0644). */
    public static String octal(Set<PosixFilePermission> perms) {
        int m = 0;
        for (PosixFilePermission p : perms) m |= 1 << (8 - p.ordinal());
        return String.format(java.util.Locale.ROOT, "%04o", m);
    }
}
