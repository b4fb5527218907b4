package vexfs.fuse;

import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;

import vexfs.bindings.FuseAbi;
import vexfs.bindings.LibfuseLoader;
import vexfs.bindings.LibfuseVersion;
import vexfs.bindings.SessionConstructor;
import vexfs.bindings.fuse_lowlevel_h;
import vexfs.libc.CStructs;

/**
 * The run-time libfuse policy: which library file (LibfuseLoader: {@code -o libfuse=}, {@code VEXFS_LIBFUSE},
 * libfuse3.so.3, libfuse3.so.4), its exact version from {@code fuse_pkgversion()} (fuse_version() cannot tell
 * 3.14.0 from 3.14.1, whose fuse_file_info bitfields differ), and from that the ABI (FuseAbi: struct sizes,
 * bitfield masks) and the session constructor (SessionConstructor). Anything outside 3.14.0-3.17.x is refused
 * with a message naming the version found, before a struct of the wrong size can reach libfuse.
 */
public final class FuseLibrary {
    private static volatile Choice choice;

    /** What was decided for the loaded library. */
    private record Choice(LibfuseVersion version, FuseAbi abi, SessionConstructor constructor, String source) {}

    private FuseLibrary() {}

    /** Uses {@code file} (path or soname) as libfuse; must precede every other call here (vexfs mount -o libfuse=). */
    public static void use(String file) {
        LibfuseLoader.request(file);
    }

    /** fuse_version(): major * 100 + minor, e.g. 314. */
    public static int version() {
        return fuse_lowlevel_h.fuse_version();
    }

    /** fuse_pkgversion(): the full version string, e.g. "3.14.0". */
    public static String packageVersion() {
        MemorySegment p = fuse_lowlevel_h.fuse_pkgversion();
        return p.equals(MemorySegment.NULL) ? "?" : new String(CStructs.cString(p), StandardCharsets.US_ASCII);
    }

    /** The ABI of the loaded library; UnsupportedOperationException naming the version if it is not supported. */
    public static FuseAbi abi() {
        return choose().abi();
    }

    public static LibfuseVersion libfuseVersion() {
        return choose().version();
    }

    public static SessionConstructor sessionConstructor() {
        return choose().constructor();
    }

    /**
     * Throws UnsupportedOperationException with a clear message unless the loaded libfuse is supported, and
     * IllegalStateException if no libfuse can be loaded (none installed, or the named file is missing).
     */
    public static void checkSupported() {
        choose();
    }

    /** For the mount log: "libfuse 3.17.2 from /x/libfuse3.so.4 (VEXFS_LIBFUSE=...), ABI 3.17.x, fuse_session_new_versioned". */
    public static String describe() {
        Choice c = choose();
        return "libfuse " + c.version().text() + " from " + c.source() + ", ABI " + c.abi().versions() + ", session by "
                + c.constructor().symbol();
    }

    private static Choice choose() {
        Choice c = choice;
        if (c != null) return c;
        synchronized (FuseLibrary.class) {
            if (choice != null) return choice;
            String source;
            try {
                source = LibfuseLoader.source();
            } catch (UnsatisfiedLinkError e) {
                // an Error would escape the mount's error handling as a stack trace; the message says it all
                throw new IllegalStateException(e.getMessage(), e);
            }
            String text = packageVersion();
            LibfuseVersion v;
            try {
                v = LibfuseVersion.parse(text);
            } catch (IllegalArgumentException e) {
                throw new UnsupportedOperationException(e.getMessage() + " (" + source + ")");
            }
            int numeric = version();
            if (numeric != v.fuseVersion()) {
                // two answers from one library: a patched or mixed build whose layouts we cannot infer
                throw new UnsupportedOperationException("libfuse " + source + " says fuse_pkgversion() = " + text
                        + " but fuse_version() = " + numeric + "; refusing a library whose version is ambiguous");
            }
            FuseAbi abi = FuseAbi.forVersion(v, source);
            SessionConstructor ctor = SessionConstructor.choose(abi, fuse_lowlevel_h::hasSymbol, source);
            choice = new Choice(v, abi, ctor, source);
            return choice;
        }
    }
}
