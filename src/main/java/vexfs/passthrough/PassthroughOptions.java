package vexfs.passthrough;

import vexfs.volume.VolumeLayout;

/**
 * Behaviour of the passthrough: kernel cache timeouts (seconds), writeback caching, direct I/O for every open,
 * and read-only. The hidden root name is the store directory, never visible through the mount.
 * {@code backingLocks}: the daemon serves POSIX and flock locks by taking them on the backing files, so they also
 * conflict with programs locking those files directly (-o locks=backing); otherwise the kernel keeps the mount's
 * locks itself, with exact POSIX semantics among everything using the mount and no round trip per lock
 * (-o locks=kernel, the default, as in passthrough_ll and virtiofsd). {@code maxFds} bounds the open node
 * descriptors (-o max_fds; 0: the default, see docs/architecture.md "Inodes and descriptors").
 */
public record PassthroughOptions(double attrTimeout, double entryTimeout, boolean writeback, boolean directIo,
                                 boolean readOnly, String hiddenRootName, boolean backingLocks, int maxFds) {
    public PassthroughOptions(double attrTimeout, double entryTimeout, boolean writeback, boolean directIo,
                              boolean readOnly, String hiddenRootName) {
        this(attrTimeout, entryTimeout, writeback, directIo, readOnly, hiddenRootName, false, 0);
    }

    public static PassthroughOptions defaults() {
        return new PassthroughOptions(1.0, 1.0, false, false, false, VolumeLayout.STORE_DIR);
    }

    public PassthroughOptions withMaxFds(int n) {
        return new PassthroughOptions(attrTimeout, entryTimeout, writeback, directIo, readOnly, hiddenRootName,
                backingLocks, n);
    }
}
