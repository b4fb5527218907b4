package vexfs.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import vexfs.base.PrivateFiles;

/**
 * Where a background daemon logs: a private, per-user place rather than world-readable /tmp (its lines name files in
 * private directories). {@code $XDG_STATE_HOME/vexfs} if that variable is set (an absolute path), else
 * {@code /var/log/vexfs} for root and {@code ~/.local/state/vexfs} for everyone else; the directory is 0700 and
 * the log {@code vexfs-<mountpoint name>.log} 0600, also if they existed with looser modes. A log named with
 * {@code --log} that does not exist yet is created 0600; an existing one keeps its mode (it may be a FIFO or
 * /dev/null).
 */
final class LogFiles {
    private LogFiles() {}

    /** The default log of a mount on {@code mountpoint}, its directory created private. */
    static Path defaultLog(Path mountpoint, Map<String, String> env) throws IOException {
        Path dir = defaultDir(env);
        Path parent = dir.getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            Files.createDirectories(parent, PosixFilePermissions.asFileAttribute(PrivateFiles.DIR_MODE));
        }
        PrivateFiles.directory(dir);
        Path name = mountpoint.getFileName();
        Path log = dir.resolve("vexfs-" + (name == null ? "root" : name.toString()) + ".log");
        createPrivate(log);
        if (Files.isRegularFile(log, LinkOption.NOFOLLOW_LINKS)) PrivateFiles.setMode(log, PrivateFiles.FILE_MODE);
        return log;
    }

    static Path defaultDir(Map<String, String> env) throws IOException {
        String xdg = env.get("XDG_STATE_HOME");
        if (xdg != null && !xdg.isEmpty() && Path.of(xdg).isAbsolute()) return Path.of(xdg, "vexfs");
        if (isRoot()) return Path.of("/var/log/vexfs");
        return Path.of(System.getProperty("user.home"), ".local", "state", "vexfs");
    }

    /** Creates {@code log} as 0600 if it does not exist (an existing file is left as it is). */
    static void createPrivate(Path log) throws IOException {
        if (Files.exists(log, LinkOption.NOFOLLOW_LINKS)) return;
        try (FileChannel ch = PrivateFiles.open(log, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ch.force(false);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            // created meanwhile: leave it
        }
    }

    private static boolean isRoot() throws IOException {
        return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).intValue() == 0;
    }
}
