package vexfs.passthrough;

import vexfs.libc.Attr;

/**
 * A backing-filesystem node the kernel knows, as the layers above the passthrough see it: its O_PATH descriptor
 * (owned by the passthrough; valid while the node is known, never to be closed by the caller) and its identity.
 */
public interface BackingNode {
    /** O_PATH descriptor of the backing node; for *at calls and /proc/self/fd paths. */
    int fd();

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
