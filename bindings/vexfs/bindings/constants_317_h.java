// Generated-shape binding: constants of libfuse 3.17's headers that 3.14's lack. Checked by AbiProbeTest against
// the 3.17 header sets only.
package vexfs.bindings;

/** libfuse 3.17 constants (FUSE_USE_VERSION 317). */
public final class constants_317_h {
    private constants_317_h() {}

    /** Kernel FUSE passthrough: the open reply may name a backing file the kernel then reads and writes itself. */
    public static final int FUSE_CAP_PASSTHROUGH = 1 << 29;
    /** fuse_conn_info.max_backing_stack_depth: backing files on a filesystem that is not itself stacked. */
    public static final int FUSE_BACKING_STACKED_UNDER = 0;
    /** ...or on one stacked once (overlayfs, ecryptfs): the FUSE mount then cannot be stacked on. */
    public static final int FUSE_BACKING_STACKED_OVER = 1;
}
