package vexfs.bindings;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.util.function.Predicate;

/**
 * Which libfuse symbol creates the session. Up to 3.16 it is {@code fuse_session_new}. From 3.17 that name is a
 * header macro around {@code fuse_session_new_versioned}, which also takes the {@code struct libfuse_version} the
 * server was built against (libfuse keeps it to work around its own ABI slips at run time); the library still
 * exports a plain {@code fuse_session_new}, but only as a compatibility entry that records "unknown version". We
 * call the versioned one and declare the version whose headers our 3.17 shapes were checked against
 * ({@link FuseAbi#CHECKED_3_17}). {@code _fuse_session_new_317} is the same function under the name it had in
 * unreleased 3.17 development snapshots (renamed before 3.17.1-rc0); no release exports it, but it costs nothing
 * to accept.
 */
public enum SessionConstructor {
    VERSIONED("fuse_session_new_versioned"),
    DEV_SNAPSHOT_317("_fuse_session_new_317"),
    PLAIN("fuse_session_new");

    private final String symbol;

    SessionConstructor(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() { return symbol; }

    /**
     * The constructor for {@code abi} given which symbols the library exports; UnsupportedOperationException,
     * naming the library, if it lacks the one the ABI needs.
     */
    public static SessionConstructor choose(FuseAbi abi, Predicate<String> exported, String library) {
        if (abi.versionedSessionNew()) {
            if (exported.test(VERSIONED.symbol)) return VERSIONED;
            if (exported.test(DEV_SNAPSHOT_317.symbol)) return DEV_SNAPSHOT_317;
            throw new UnsupportedOperationException(library + " reports libfuse " + abi.versions()
                    + " but exports neither fuse_session_new_versioned nor _fuse_session_new_317");
        }
        if (exported.test(PLAIN.symbol)) return PLAIN;
        throw new UnsupportedOperationException(library + " does not export fuse_session_new");
    }

    /** Calls the constructor; NULL if libfuse refused (it printed why on stderr). */
    public MemorySegment create(MemorySegment args, MemorySegment ops, long opsSize, MemorySegment userdata,
                                SegmentAllocator allocator) {
        if (this == PLAIN) return fuse_lowlevel_h.fuse_session_new(args, ops, opsSize, userdata);
        MemorySegment v = libfuse_version.allocate(allocator);
        v.fill((byte) 0);
        libfuse_version.major(v, FuseAbi.CHECKED_3_17.major());
        libfuse_version.minor(v, FuseAbi.CHECKED_3_17.minor());
        libfuse_version.hotfix(v, FuseAbi.CHECKED_3_17.hotfix());
        return this == VERSIONED
                ? fuse_lowlevel_h.fuse_session_new_versioned(args, ops, opsSize, v, userdata)
                : fuse_lowlevel_h._fuse_session_new_317(args, ops, opsSize, v, userdata);
    }
}
