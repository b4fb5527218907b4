package vexfs.libc;

/** struct flock in plain Java (type F_RDLCK/F_WRLCK/F_UNLCK). */
public record Lock(int type, int whence, long start, long len, int pid) {}
