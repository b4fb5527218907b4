package vexfs.passthrough;

import vexfs.volume.VolumeLayout;

/**
 * Behaviour of the passthrough: kernel cache timeouts (seconds), writeback caching, direct I/O for every open,
 * and read-only. The hidden root name is the store directory, never visible through the mount. {@code maxFds}
 * bounds the open node descriptors (-o max_fds; 0: the default, see docs/architecture.md "Inodes and descriptors").
 */
public record PassthroughOptions(double attrTimeout, double entryTimeout, boolean writeback, boolean directIo,
                                 boolean readOnly, String hiddenRootName, int maxFds) {
    public PassthroughOptions(double attrTimeout, double entryTimeout, boolean writeback, boolean directIo,
                              boolean readOnly, String hiddenRootName) {
        this(attrTimeout, entryTimeout, writeback, directIo, readOnly, hiddenRootName, 0);
    }

    public static PassthroughOptions defaults() {
        return new PassthroughOptions(1.0, 1.0, false, false, false, VolumeLayout.STORE_DIR);
    }

    public PassthroughOptions withMaxFds(int n) {
        return new PassthroughOptions(attrTimeout, entryTimeout, writeback, directIo, readOnly, hiddenRootName, n);
    }
}
