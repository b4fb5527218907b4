package vexfs.fuse;

/** The parts of struct fuse_file_info a filesystem reads: open flags, our handle, the lock owner. */
public record FileInfo(int flags, long fh, long lockOwner, boolean writepage, boolean flush) {}
