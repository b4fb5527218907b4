/**
 * The kernel session: libfuse's low-level API bound through FFM (with {@code bindings} and {@code libc}), reader
 * threads, dispatch to virtual threads, typed single-use replies, and the {@link vexfs.fuse.FuseFilesystem}
 * interface (one method per operation) with {@link vexfs.fuse.ForwardingFilesystem} for layers that decorate
 * another. The only package besides {@code libc} and {@code bindings} that sees MemorySegments of native calls.
 */
package vexfs.fuse;
