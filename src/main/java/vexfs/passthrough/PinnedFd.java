package vexfs.passthrough;

/**
 * A node's O_PATH descriptor, pinned: it stays open (and its number cannot be reused by another file) until
 * {@link #close()}, which gives the pin back. Use it in try-with-resources around the calls that need the
 * descriptor and never keep the number past the close. Closing twice is harmless.
 */
public final class PinnedFd implements AutoCloseable {
    private final Inode node;
    private final int fd;
    private boolean released;

    PinnedFd(Inode node, int fd) {
        this.node = node;
        this.fd = fd;
    }

    /** The descriptor; for *at calls and /proc/self/fd paths while this pin is held. */
    public int fd() {
        if (released) throw new IllegalStateException("descriptor of node " + node.nodeId + " used after its pin");
        return fd;
    }

    /** The pinned node (for calls that may use its open files' descriptors). */
    Inode node() {
        return node;
    }

    @Override
    public void close() {
        if (released) return;
        released = true;
        node.cacheRelease();
    }
}
