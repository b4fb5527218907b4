package vexfs.fuse;

import java.lang.foreign.MemorySegment;

import vexfs.bindings.fuse_lowlevel_h;
import vexfs.libc.CStructs;

/**
 * The run-time version policy. The bindings are laid out for libfuse 3.14 (FUSE_USE_VERSION 314) and checked
 * by the ABI probe against 3.14; 3.15 and 3.16 keep that ABI for what we use. libfuse 3.17 versions
 * fuse_session_new (_fuse_session_new_317), moves to soname .so.4 and changes fuse_file_info's bitfields, which
 * we have not verified: we refuse it with a message naming the version found rather than corrupt memory.
 */
public final class FuseLibrary {
    public static final int MIN_SUPPORTED = 314;
    public static final int MAX_SUPPORTED = 316;

    private FuseLibrary() {}

    /** fuse_version(): major * 100 + minor, e.g. 314. */
    public static int version() {
        return fuse_lowlevel_h.fuse_version();
    }

    /** fuse_pkgversion(): the full version string, e.g. "3.14.0". */
    public static String packageVersion() {
        MemorySegment p = fuse_lowlevel_h.fuse_pkgversion();
        return p.equals(MemorySegment.NULL) ? "?" : new String(CStructs.cString(p),
                java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** Throws UnsupportedOperationException with a clear message unless the loaded libfuse is supported. */
    public static void checkSupported() {
        int v = version();
        if (v < MIN_SUPPORTED || v > MAX_SUPPORTED) {
            throw new UnsupportedOperationException("libfuse " + packageVersion() + " (fuse_version() = " + v
                    + ") is not supported: VexFS's bindings are verified for libfuse 3.14 to 3.16"
                    + (v > MAX_SUPPORTED ? " (3.17 versions fuse_session_new and changes struct fuse_file_info)" : "")
                    + "; install libfuse3 3.14-3.16 (Debian bookworm: apt-get install fuse3 libfuse3-3)");
        }
    }
}
