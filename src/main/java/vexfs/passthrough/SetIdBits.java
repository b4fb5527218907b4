package vexfs.passthrough;

import vexfs.libc.Attr;
import vexfs.libc.FsException;
import vexfs.libc.NativeIo;

/**
 * Clearing a file's set-ID bits where the kernel asks the filesystem to (HANDLE_KILLPRIV_V2: a write, truncate or
 * O_TRUNC open by a caller without CAP_FSETID). A daemon running as root has CAP_FSETID, so its own write to the
 * backing file keeps them; we clear them as the kernel's should_remove_suid would: set-user-ID always, set-group-ID
 * only with group execute (without it the bit means mandatory locking, not privilege).
 */
final class SetIdBits {
    private static final int SET_UID = 04000;
    private static final int SET_GID = 02000;
    private static final int GROUP_EXEC = 00010;

    private SetIdBits() {}

    /** {@code mode}'s permission bits with the set-ID bits a write removes. */
    static int afterWrite(int mode) {
        int m = mode & 07777 & ~SET_UID;
        if ((m & GROUP_EXEC) != 0) m &= ~SET_GID;
        return m;
    }

    /**
     * Clears them on the regular file open as {@code fd} ({@code pathFd}: an O_PATH descriptor); returns whether
     * the mode changed (the kernel's cached mode is then stale: it does not expect a write to change it).
     */
    static boolean clear(int fd, boolean pathFd) throws FsException {
        Attr attr = NativeIo.stat(fd);
        if (!attr.isRegular()) return false;
        int mode = attr.mode() & 07777;
        int cleared = afterWrite(mode);
        if (cleared == mode) return false;
        if (pathFd) NativeIo.chmod(fd, cleared);
        else NativeIo.fchmod(fd, cleared);
        return true;
    }
}
