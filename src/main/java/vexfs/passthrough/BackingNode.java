package vexfs.passthrough;

import vexfs.libc.Attr;
import vexfs.libc.FsException;

/**
 * A backing-filesystem node the kernel knows, as the layers above the passthrough see it: its identity, and its
 * O_PATH descriptor on demand. The passthrough keeps only a bounded set of node descriptors open and reopens the
 * others by file handle, so a descriptor is valid only while pinned: {@code try (PinnedFd fd = node.pin()) {...}}.
 */
public interface BackingNode {
    /**
     * Pins the node's O_PATH descriptor (for *at calls and /proc/self/fd paths) until the lease is closed; never
     * close the descriptor itself. ESTALE if the node is gone (forgotten, or deleted and no longer open).
     */
    PinnedFd pin() throws FsException;

    long dev();

    long ino();

    /** S_IFMT bits (a node never changes type). */
    int type();

    default boolean isRegular() {
        return type() == Attr.S_IFREG;
    }

    default boolean isSymlink() {
        return type() == Attr.S_IFLNK;
    }
}
