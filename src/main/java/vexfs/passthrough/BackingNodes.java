package vexfs.passthrough;

import vexfs.libc.FsException;
import vexfs.libc.Name;

/**
 * What the passthrough hands to the layers that decorate it (the vector layer): the nodes the kernel knows and the
 * namespace changes those layers must wrap, instead of its inode table. Names hidden by the passthrough (the
 * store directory) behave here as they do through the mount.
 */
public interface BackingNodes {
    /** The node the kernel knows as {@code nodeId}; ESTALE if it was forgotten. */
    BackingNode node(long nodeId) throws FsException;

    /**
     * A new O_PATH descriptor of {@code name} in directory {@code parent} (a last symlink not followed), which the
     * caller closes; -1 if there is none (or the name is hidden).
     */
    int openPath(long parent, Name name);

    /** unlinkat of {@code name} in {@code parent}, with the passthrough's checks; nothing is replied. */
    void unlink(long parent, Name name) throws FsException;

    /** renameat2 with {@code flags}, with the passthrough's checks; nothing is replied. */
    void rename(long parent, Name name, long newParent, Name newName, int flags) throws FsException;
}
