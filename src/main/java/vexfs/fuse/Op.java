package vexfs.fuse;

import java.util.Locale;

import vexfs.libc.Lock;

/**
 * The operations we bind, with the lane each is served on by default:
 * INLINE on the reader thread (cheap, never blocks for long: go-fuse measured a hand-off per request ~2x slower
 * for such ops), VIRTUAL on a virtual thread (may compute or wait on locks; JDK I/O there compensates),
 * BLOCKING on a bounded platform pool (long raw syscalls through FFM, which would pin a carrier).
 * Lock waits (setlk, flock) are VIRTUAL: they poll non-blocking calls and sleep in between, holding no thread.
 * {@code -Dvexfs.lane.<op>=inline|virtual|blocking} overrides one op (used by the measurements in docs/).
 */
public enum Op {
    INIT(Lane.INLINE), DESTROY(Lane.INLINE),
    LOOKUP(Lane.INLINE), FORGET(Lane.INLINE), FORGET_MULTI(Lane.INLINE), GETATTR(Lane.INLINE),
    SETATTR(Lane.INLINE), READLINK(Lane.INLINE), MKNOD(Lane.INLINE), MKDIR(Lane.INLINE), UNLINK(Lane.INLINE),
    RMDIR(Lane.INLINE), SYMLINK(Lane.INLINE), RENAME(Lane.INLINE), LINK(Lane.INLINE), OPEN(Lane.INLINE),
    READ(Lane.INLINE), WRITE(Lane.INLINE), FLUSH(Lane.INLINE), RELEASE(Lane.INLINE), FSYNC(Lane.BLOCKING),
    OPENDIR(Lane.INLINE), READDIR(Lane.INLINE), READDIRPLUS(Lane.INLINE), RELEASEDIR(Lane.INLINE),
    FSYNCDIR(Lane.BLOCKING), STATFS(Lane.INLINE), SETXATTR(Lane.VIRTUAL), GETXATTR(Lane.INLINE),
    LISTXATTR(Lane.INLINE), REMOVEXATTR(Lane.VIRTUAL), ACCESS(Lane.INLINE), CREATE(Lane.INLINE),
    GETLK(Lane.INLINE), SETLK(Lane.VIRTUAL), FLOCK(Lane.VIRTUAL), FALLOCATE(Lane.BLOCKING),
    COPY_FILE_RANGE(Lane.BLOCKING), LSEEK(Lane.INLINE), BMAP(Lane.INLINE);

    public enum Lane { INLINE, VIRTUAL, BLOCKING }

    private final Lane defaultLane;

    Op(Lane defaultLane) {
        this.defaultLane = defaultLane;
    }

    public Lane defaultLane() {
        return defaultLane;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
