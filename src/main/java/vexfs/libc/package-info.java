/**
 * The libc layer: the system calls of backing I/O in plain Java ({@link vexfs.libc.NativeIo}: *at calls on
 * descriptors, getdents64 batches, xattrs, locks), POSIX values ({@link vexfs.libc.Attr}, {@link vexfs.libc.Name},
 * {@link vexfs.libc.Lock}, {@link vexfs.libc.StatFs}), {@link vexfs.libc.Errno} with the one mapping from Java I/O
 * exceptions, and {@link vexfs.libc.FsException}. Sees {@code bindings} (FFM); nothing above it does for I/O.
 */
package vexfs.libc;
