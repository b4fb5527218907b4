package vexfs.libc;

/** struct statvfs in plain Java. */
public record StatFs(long bsize, long frsize, long blocks, long bfree, long bavail, long files, long ffree,
                     long favail, long fsid, long flag, long namemax) {}
