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
    /**
     * The filesystem clears set-user-ID/set-group-ID bits itself where the kernel says so (FUSE_WRITE_KILL_SUIDGID,
     * FATTR_KILL_SUIDGID, FUSE_OPEN_KILL_SUIDGID); in exchange the kernel stops asking for security.capability
     * before every write (SB_NOSEC). The bit exists in 3.14's kernel protocol but not in its library.
     */
    public static final int FUSE_CAP_HANDLE_KILLPRIV_V2 = 1 << 21;
}
