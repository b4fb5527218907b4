package vexfs.fuse;

import java.util.function.LongConsumer;

import vexfs.bindings.constants_317_h;
import vexfs.bindings.constants_h;

/** What the kernel offers at INIT ({@link #capable}) and what the filesystem asks for ({@link #want}). */
public final class ConnectionInfo {
    public static final int CAP_ASYNC_READ = constants_h.FUSE_CAP_ASYNC_READ;
    public static final int CAP_POSIX_LOCKS = constants_h.FUSE_CAP_POSIX_LOCKS;
    public static final int CAP_ATOMIC_O_TRUNC = constants_h.FUSE_CAP_ATOMIC_O_TRUNC;
    public static final int CAP_EXPORT_SUPPORT = constants_h.FUSE_CAP_EXPORT_SUPPORT;
    public static final int CAP_SPLICE_WRITE = constants_h.FUSE_CAP_SPLICE_WRITE;
    public static final int CAP_SPLICE_MOVE = constants_h.FUSE_CAP_SPLICE_MOVE;
    public static final int CAP_SPLICE_READ = constants_h.FUSE_CAP_SPLICE_READ;
    public static final int CAP_FLOCK_LOCKS = constants_h.FUSE_CAP_FLOCK_LOCKS;
    public static final int CAP_READDIRPLUS = constants_h.FUSE_CAP_READDIRPLUS;
    public static final int CAP_READDIRPLUS_AUTO = constants_h.FUSE_CAP_READDIRPLUS_AUTO;
    public static final int CAP_WRITEBACK_CACHE = constants_h.FUSE_CAP_WRITEBACK_CACHE;
    public static final int CAP_PARALLEL_DIROPS = constants_h.FUSE_CAP_PARALLEL_DIROPS;
    public static final int CAP_HANDLE_KILLPRIV = constants_h.FUSE_CAP_HANDLE_KILLPRIV;
    public static final int CAP_DONT_MASK = constants_h.FUSE_CAP_DONT_MASK;
    /** libfuse 3.17+ only (3.14's library never offers it): see constants_317_h. */
    public static final int CAP_HANDLE_KILLPRIV_V2 = constants_317_h.FUSE_CAP_HANDLE_KILLPRIV_V2;

    private final int protoMajor;
    private final int protoMinor;
    private final int capable;
    private int want;
    private int maxWrite;
    private final int maxReadahead;
    private final LongConsumer attributeInvalidator;

    ConnectionInfo(int protoMajor, int protoMinor, int capable, int want, int maxWrite, int maxReadahead,
            LongConsumer attributeInvalidator) {
        this.attributeInvalidator = attributeInvalidator;
        this.protoMajor = protoMajor;
        this.protoMinor = protoMinor;
        this.capable = capable;
        this.want = want;
        this.maxWrite = maxWrite;
        this.maxReadahead = maxReadahead;
    }

    public int protoMajor() { return protoMajor; }

    public int protoMinor() { return protoMinor; }

    public int capable() { return capable; }

    public int want() { return want; }

    public int maxWrite() { return maxWrite; }

    public int maxReadahead() { return maxReadahead; }

    public boolean isCapable(int cap) {
        return (capable & cap) != 0;
    }

    /** Asks for {@code cap} if the kernel offers it; returns whether it is now wanted. */
    public boolean enable(int cap) {
        if (!isCapable(cap)) return false;
        want |= cap;
        return true;
    }

    public void disable(int cap) {
        want &= ~cap;
    }

    /**
     * Asks the kernel to drop its cached attributes of node {@code ino} now (allowed inside a request handler):
     * for changes the kernel does not expect a request to make, e.g. set-ID bits the filesystem cleared.
     */
    public void invalidateAttributes(long ino) {
        attributeInvalidator.accept(ino);
    }

    public void maxWrite(int bytes) {
        this.maxWrite = bytes;
    }
}
