package vexfs.fuse;

import vexfs.bindings.constants_h;

/**
 * A setattr request: {@code valid} is the FUSE_SET_ATTR_* mask; only the fields it names are meaningful.
 * Times use {@link #UTIME_NOW}/{@link #UTIME_OMIT} in the nanosecond field as utimensat(2) does.
 */
public record SetAttr(int valid, int mode, int uid, int gid, long size, long atimeSec, long atimeNsec,
                      long mtimeSec, long mtimeNsec) {
    public static final int MODE = constants_h.FUSE_SET_ATTR_MODE;
    public static final int UID = constants_h.FUSE_SET_ATTR_UID;
    public static final int GID = constants_h.FUSE_SET_ATTR_GID;
    public static final int SIZE = constants_h.FUSE_SET_ATTR_SIZE;
    public static final int ATIME = constants_h.FUSE_SET_ATTR_ATIME;
    public static final int MTIME = constants_h.FUSE_SET_ATTR_MTIME;
    public static final int ATIME_NOW = constants_h.FUSE_SET_ATTR_ATIME_NOW;
    public static final int MTIME_NOW = constants_h.FUSE_SET_ATTR_MTIME_NOW;
    public static final int CTIME = constants_h.FUSE_SET_ATTR_CTIME;
    /**
     * FATTR_KILL_SUIDGID (libfuse's name: FUSE_SET_ATTR_KILL_SUID): with HANDLE_KILLPRIV_V2 the kernel asks the
     * filesystem to clear set-ID bits on this truncate or chown.
     */
    public static final int KILL_SUIDGID = constants_h.FUSE_SET_ATTR_KILL_SUID;
    public static final long UTIME_NOW = constants_h.UTIME_NOW;
    public static final long UTIME_OMIT = constants_h.UTIME_OMIT;

    public boolean has(int bit) {
        return (valid & bit) != 0;
    }
}
