package vexfs.passthrough;

import vexfs.volume.VolumeLayout;

/**
 * Behaviour of the passthrough: kernel cache timeouts (seconds), writeback caching, direct I/O for every open,
 * and read-only. The hidden root name is the store directory, never visible through the mount.
 */
public record PassthroughOptions(double attrTimeout, double entryTimeout, boolean writeback, boolean directIo,
                                 boolean readOnly, String hiddenRootName) {
    public static PassthroughOptions defaults() {
        return new PassthroughOptions(1.0, 1.0, false, false, false, VolumeLayout.STORE_DIR);
    }
}
