package vexfs.fuse;

/** Who asked: the caller's credentials as the kernel reported them, and our own sequence number for logs. */
public record Request(long unique, int uid, int gid, int pid, int umask) {}
