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

import vexfs.libc.Attr;
import vexfs.libc.FsException;
import vexfs.libc.NativeIo;

/**
 * Files and directories only their owner may read: the store directory ({@code BACKING/.vexfs}, 0700) and every
 * file in it (0600), whatever the process's umask (the daemon runs with umask 0). Creation passes the mode to
 * open(2)/mkdir(2) (so the file is never looser than that, not even for an instant), then sets it exactly
 * (a umask may have removed owner bits) before anything is written. Created by root, a private file or
 * directory takes the owner and group of the directory it is created in (so a store that root makes or mounts in
 * a user's backing directory stays that user's: the backing root's owner can run the offline tools on it).
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
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectory(dir, DIR_ATTR);
            ownLikeParent(dir);
        }
        setMode(dir, DIR_MODE);
        return dir;
    }

    /**
     * {@link FileChannel#open} that creates the file (with {@code CREATE} or {@code CREATE_NEW}) as 0600; with
     * either option the file ends up exactly 0600, also if it existed.
     */
    public static FileChannel open(Path file, OpenOption... options) throws IOException {
        Set<OpenOption> opts = new HashSet<>(List.of(options));
        boolean existed = Files.exists(file, LinkOption.NOFOLLOW_LINKS);
        FileChannel ch = FileChannel.open(file, opts, FILE_ATTR);
        if (opts.contains(StandardOpenOption.CREATE) || opts.contains(StandardOpenOption.CREATE_NEW)) {
            try {
                if (!existed) ownLikeParent(file);
                setMode(file, FILE_MODE);
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
        return scan(dir, true);
    }

    /** What {@link #tighten} would change, changing nothing (for {@code vexfs verify}). */
    public static List<String> looseModes(Path dir) throws IOException {
        return scan(dir, false);
    }

    private static List<String> scan(Path dir, boolean fix) throws IOException {
        List<String> changed = new ArrayList<>();
        tightenOne(dir, DIR_MODE, changed, dir.getFileName() + "/", fix);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    tightenOne(p, DIR_MODE, changed, p.getFileName() + "/", fix);
                } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    tightenOne(p, FILE_MODE, changed, p.getFileName().toString(), fix);
                }
            }
        }
        return changed;
    }

    /**
     * Run by root: gives {@code dir} (owner and group of {@code owner}) and every regular file and directory
     * directly in it the owner and group of {@code owner} where they differ; returns what it changed ("name uid
     * 0 -> 1000"). Not root: nothing. Failures (a filesystem that cannot chown) leave the item as it is.
     */
    public static List<String> adoptOwner(Path dir, Path owner) throws IOException {
        return RUN_BY_ROOT ? owners(dir, owner, true) : new ArrayList<>();
    }

    /**
     * Like {@link #adoptOwner} but changes nothing, whoever runs it: the items whose owner or group differs from
     * {@code owner}'s, as "vectors.vxv owner 0:0 -> 1000:1000".
     */
    public static List<String> foreignOwners(Path dir, Path owner) throws IOException {
        return owners(dir, owner, false);
    }

    private static List<String> owners(Path dir, Path owner, boolean fix) throws IOException {
        List<String> changed = new ArrayList<>();
        int uid = ownerAttr(owner, "unix:uid"), gid = ownerAttr(owner, "unix:gid");
        adoptOne(dir, uid, gid, changed, fix);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) || Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    adoptOne(p, uid, gid, changed, fix);
                }
            }
        }
        return changed;
    }

    private static void adoptOne(Path p, int uid, int gid, List<String> changed, boolean fix) throws IOException {
        onNode(p, (fd, st) -> {
            if (st.uid() == uid && st.gid() == gid) return;
            String what = p.getFileName() + " owner " + st.uid() + ":" + st.gid() + " -> " + uid + ":" + gid;
            if (!fix) {
                changed.add(what);
                return;
            }
            try {
                NativeIo.chown(fd, uid, gid);
                changed.add(what);
            } catch (FsException e) {
                // e.g. root squashed on NFS: the item stays root's, still private
            }
        });
    }

    /** Created by root: the new item gets the owner and group of its directory (best effort). */
    private static void ownLikeParent(Path p) throws IOException {
        if (!RUN_BY_ROOT) return;
        Path parent = p.toAbsolutePath().getParent();
        if (parent == null) return;
        int uid = ownerAttr(parent, "unix:uid"), gid = ownerAttr(parent, "unix:gid");
        adoptOne(p, uid, gid, new ArrayList<>(), true);
    }

    /** An attribute of the directory whose owner is copied (a backing directory given as a link: its target). */
    private static int ownerAttr(Path p, String attr) throws IOException {
        return ((Number) Files.getAttribute(p, attr)).intValue();
    }

    /** The effective uid is 0 (/proc/self belongs to the process's effective uid). */
    private static final boolean RUN_BY_ROOT = runByRoot();

    /** True if this process runs as root (then new private items take their directory's owner). */
    public static boolean isRoot() {
        return RUN_BY_ROOT;
    }

    private static boolean runByRoot() {
        try {
            return ownerAttr(Path.of("/proc/self"), "unix:uid") == 0;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static void tightenOne(Path p, Set<PosixFilePermission> want, List<String> changed, String label,
                                   boolean fix) throws IOException {
        int bits = bits(want);
        onNode(p, (fd, st) -> {
            int have = st.mode() & 07777;
            if (have == bits) return;
            if (fix) NativeIo.chmod(fd, bits);
            changed.add(label + " " + octal(have) + " -> " + octal(bits));
        });
    }

    /**
     * chmod of {@code p} through an O_PATH|O_NOFOLLOW descriptor: a symbolic link is refused, never followed (the
     * JDK's NOFOLLOW_LINKS view still follows it on Linux), so whoever may swap a name in the store directory for a
     * link cannot make root change the mode of the link's target.
     */
    public static void setMode(Path p, Set<PosixFilePermission> mode) throws IOException {
        int bits = bits(mode);
        onNode(p, (fd, st) -> {
            if ((st.mode() & 07777) != bits) NativeIo.chmod(fd, bits);
        });
    }

    private interface NodeAction {
        void apply(int fd, Attr st) throws FsException;
    }

    /** Runs {@code action} on the regular file or directory {@code p} (opened O_PATH|O_NOFOLLOW, so pinned). */
    private static void onNode(Path p, NodeAction action) throws IOException {
        int fd;
        try {
            fd = NativeIo.open(p.toAbsolutePath().toString(), NativeIo.O_PATH | NativeIo.O_NOFOLLOW | NativeIo.O_CLOEXEC, 0);
        } catch (FsException e) {
            throw new IOException(p + ": " + e.getMessage(), e);
        }
        try {
            Attr st = NativeIo.stat(fd);
            if (!st.isRegular() && !st.isDirectory()) throw new IOException(p + " is not a regular file or directory");
            action.apply(fd, st);
        } catch (FsException e) {
            throw new IOException(p + ": " + e.getMessage(), e);
        } finally {
            NativeIo.close(fd);
        }
    }

    private static int bits(Set<PosixFilePermission> perms) {
        int m = 0;
        for (PosixFilePermission p : perms) m |= 1 << (8 - p.ordinal());
        return m;
    }

    /** The permission bits as 4 octal digits (0644). */
    public static String octal(Set<PosixFilePermission> perms) {
        return octal(bits(perms));
    }

    private static String octal(int bits) {
        return String.format(java.util.Locale.ROOT, "%04o", bits);
    }
}
