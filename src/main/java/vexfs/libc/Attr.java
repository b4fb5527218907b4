package vexfs.libc;

/** struct stat in plain Java. Times are seconds + nanoseconds; {@code dev} is the backing device (not sent to the kernel). */
public record Attr(long dev, long ino, int mode, long nlink, int uid, int gid, long rdev, long size, long blksize,
                   long blocks, long atimeSec, long atimeNsec, long mtimeSec, long mtimeNsec,
                   long ctimeSec, long ctimeNsec) {

    public static final int S_IFMT = 0170000;
    public static final int S_IFDIR = 0040000;
    public static final int S_IFREG = 0100000;
    public static final int S_IFLNK = 0120000;

    public boolean isDirectory() {
        return (mode & S_IFMT) == S_IFDIR;
    }

    public boolean isRegular() {
        return (mode & S_IFMT) == S_IFREG;
    }

    public boolean isSymlink() {
        return (mode & S_IFMT) == S_IFLNK;
    }

    /** This attribute with another inode number (the node id the kernel knows it by). */
    public Attr withIno(long newIno) {
        return new Attr(dev, newIno, mode, nlink, uid, gid, rdev, size, blksize, blocks, atimeSec, atimeNsec,
                mtimeSec, mtimeNsec, ctimeSec, ctimeNsec);
    }
}
