package vexfs.passthrough;

import java.util.concurrent.atomic.AtomicLong;

/**
 * One backing-filesystem node the kernel knows: its O_PATH descriptor, identity (dev, ino), the kernel's lookup
 * count, and the node id we gave it. Node ids are never reused within a mount, so the generation is constant.
 */
final class Inode implements BackingNode {
    final long nodeId;
    final int fd;
    final long dev;
    final long ino;
    /** S_IFMT bits at lookup time (a node never changes type). */
    final int type;
    final AtomicLong nlookup = new AtomicLong();

    Inode(long nodeId, int fd, long dev, long ino, int type) {
        this.nodeId = nodeId;
        this.fd = fd;
        this.dev = dev;
        this.ino = ino;
        this.type = type;
    }

    @Override
    public int fd() {
        return fd;
    }

    @Override
    public long dev() {
        return dev;
    }

    @Override
    public long ino() {
        return ino;
    }

    @Override
    public int type() {
        return type;
    }

    boolean isDirectory() {
        return type == vexfs.libc.Attr.S_IFDIR;
    }


    /** (dev, ino) as one key. */
    record Key(long dev, long ino) {}

    Key key() {
        return new Key(dev, ino);
    }
}
