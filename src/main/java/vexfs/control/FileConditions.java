package vexfs.control;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.function.Predicate;

import vexfs.libc.Attr;
import vexfs.libc.FsException;
import vexfs.libc.Name;
import vexfs.libc.NativeIo;
import vexfs.volume.MountPath;

/**
 * The {@code name=} and {@code newer=}/{@code older=} conditions of one search as a predicate on a file's path, tested
 * before its slot becomes a candidate (so k results come back whenever k files pass). The name is the path hint's last
 * component (no system call); the time is one fstatat of the file's path below an O_PATH descriptor of the backing
 * root, opened for the search and closed after it — a file whose path no longer resolves does not pass.
 */
final class FileConditions implements AutoCloseable {
    private final int rootFd;

    private FileConditions(int rootFd) {
        this.rootFd = rootFd;
    }

    /** For a search with time conditions: holds the backing root open until {@link #close}. */
    static FileConditions open(Path backingRoot) throws FsException {
        return new FileConditions(NativeIo.open(backingRoot.toString(),
                NativeIo.O_PATH | NativeIo.O_DIRECTORY | NativeIo.O_CLOEXEC, 0));
    }

    /** Files (by their current path) that pass {@code f}'s name and time conditions ({@code times}: null when it has none). */
    static Predicate<MountPath> predicate(SearchFilter f, FileConditions times) {
        PathMatcher name = f.nameMatcher();
        return p -> (name == null || SearchFilter.nameMatches(name, new String(p.lastName().raw(), StandardCharsets.UTF_8)))
                && (times == null || times.modifiedWithin(f, p));
    }

    private boolean modifiedWithin(SearchFilter f, MountPath p) {
        try {
            Attr a = NativeIo.fstatat(rootFd, Name.wrap(p.relative()), NativeIo.AT_SYMLINK_NOFOLLOW);
            return f.timeMatches(a.mtimeSec() * 1000 + a.mtimeNsec() / 1_000_000);
        } catch (FsException gone) {
            return false;
        }
    }

    @Override
    public void close() {
        NativeIo.close(rootFd);
    }
}
