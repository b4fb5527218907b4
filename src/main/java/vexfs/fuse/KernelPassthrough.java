package vexfs.fuse;

import java.lang.foreign.MemorySegment;
import java.util.HashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vexfs.bindings.FuseAbi;
import vexfs.bindings.constants_317_h;
import vexfs.bindings.fuse_conn_info_317;
import vexfs.bindings.fuse_lowlevel_h;
import vexfs.libc.FsException;
import vexfs.libc.NativeIo;

/**
 * Kernel FUSE passthrough (Linux 6.9+, libfuse 3.17+): an open reply may name a backing file, and the kernel then
 * reads and writes that file itself — no READ or WRITE reaches the daemon for that open file. Everything else
 * (lookup, getattr, flush, release, locks, xattrs, copy_file_range) still does.
 *
 * <p>Negotiated at INIT ({@link #negotiate}); off with a reason when libfuse is older than 3.17, the kernel does
 * not offer FUSE_CAP_PASSTHROUGH, or {@code -o passthrough=off} said so ({@link #disable}); and off for the rest
 * of the session, logged once, if the kernel refuses a backing file (FUSE_DEV_IOC_BACKING_OPEN fails: e.g. no
 * CAP_SYS_ADMIN, or a backing filesystem stacked deeper than we declared) — those opens are daemon-served.
 *
 * <p>The kernel's rules shape the bookkeeping (fs/fuse/iomode.c): all opens of an inode that is open with a
 * backing file must name <em>the same</em> backing id (another one is EBUSY, none is EINVAL; the opener sees
 * EIO), and a passthrough open of an inode that has cached opens is refused (ETXTBSY). So the first open of an
 * inode decides its mode until its last release: one backing id per inode, shared by its opens and closed
 * (FUSE_DEV_IOC_BACKING_CLOSE) when the last of them is released — not earlier, because the kernel looks the id up
 * in the opener's context after our reply. The kernel opens its own backing file per open with that open's flags
 * (backing_file_open), so the descriptor we register only names the file and the daemon's credentials.
 *
 * <p>That descriptor is a fresh open file description of its own (reopened read-only through /proc/self/fd and
 * closed once registered), never the open's handle: the kernel keeps a reference to the registered file until the
 * backing id is closed, and flock(2) locks live on the open file description — registering the handle kept a
 * released flock alive for as long as any other open of the inode lasted (LocksIT hung on exactly that). OFD
 * locks (PosixLocks) are per description too, so opening and closing one more descriptor disturbs none.
 */
public final class KernelPassthrough {
    private static final Logger LOG = LoggerFactory.getLogger(KernelPassthrough.class);
    /**
     * fuse_conn_info.max_backing_stack_depth: 1 (FUSE_BACKING_STACKED_OVER), so that backing directories on
     * overlayfs (containers) work too; the price, that nothing can stack on the VexFS mount, costs us nothing.
     */
    static final int BACKING_STACK_DEPTH = constants_317_h.FUSE_BACKING_STACKED_OVER;

    private static volatile String disabledBy;

    /** Passthrough was negotiated at INIT: opens are tracked per inode from then on (even after a fall-back). */
    private volatile boolean negotiated;
    private volatile boolean active;
    private volatile String mode = "off (not negotiated yet)";
    /** Per inode: the backing id (0 = cached opens) and how many open files use the mode. */
    private final Map<Long, InodeMode> inodes = new HashMap<>();
    /** Which inode each tracked open file belongs to, by (ino, fh): control-tree handles can equal descriptors. */
    private final Map<OpenFile, Long> files = new HashMap<>();

    private record OpenFile(long ino, long fh) {}

    private static final class InodeMode {
        final int backingId;
        int opens;

        InodeMode(int backingId) {
            this.backingId = backingId;
        }
    }

    /** {@code vexfs mount -o passthrough=off}: every session of this process serves read and write itself. */
    public static void disable(String why) {
        disabledBy = why;
    }

    /** "on", or "off (why)": for the mount log and /.vexfs/stats. */
    public String mode() {
        return mode;
    }

    public boolean active() {
        return active;
    }

    /** True once INIT asked for passthrough: from then on every regular file open goes through {@link #open}. */
    boolean negotiated() {
        return negotiated;
    }

    /** At INIT, after the filesystem's own choices: asks for FUSE_CAP_PASSTHROUGH when everything allows it. */
    void negotiate(MemorySegment conn, ConnectionInfo info) {
        FuseAbi abi = FuseLibrary.abi();
        if (disabledBy != null) {
            off(disabledBy);
        } else if (abi != FuseAbi.V3_17 || fuse_lowlevel_h.fuse_passthrough_open$handle() == null) {
            off("libfuse " + FuseLibrary.libfuseVersion() + " has no passthrough API; it needs libfuse 3.17+");
        } else if (!info.isCapable(constants_317_h.FUSE_CAP_PASSTHROUGH)) {
            off("the kernel does not offer FUSE passthrough (Linux 6.9+ with CONFIG_FUSE_PASSTHROUGH)");
        } else {
            info.enable(constants_317_h.FUSE_CAP_PASSTHROUGH);
            // Passthrough writes never reach us, and under HANDLE_KILLPRIV_V2 the kernel leaves clearing set-ID
            // bits to the filesystem (fuse_setattr drops ATTR_KILL_SUID): a set-user-ID file written through a
            // backing file would keep its bit. Without V2 the kernel clears it with a SETATTR of the mode.
            info.disable(ConnectionInfo.CAP_HANDLE_KILLPRIV_V2);
            fuse_conn_info_317.want(conn, info.want());
            fuse_conn_info_317.max_backing_stack_depth(conn, BACKING_STACK_DEPTH);
            negotiated = true;
            active = true;
            mode = "on";
        }
        LOG.info("kernel passthrough: {}", mode);
    }

    private void off(String why) {
        active = false;
        mode = "off (" + why + ")";
    }

    /**
     * For an open (or create) reply of file {@code ino} with handle {@code fh}: the backing id to put in the reply,
     * or 0 to serve this open from the daemon. {@code eligible}: the filesystem says {@code fh} is the backing
     * descriptor and the kernel may do the I/O (OpenOptions.passthrough). Opens that are not eligible are tracked
     * too, because they fix the inode's mode as well.
     */
    synchronized int open(long req, long ino, long fh, boolean eligible) {
        InodeMode m = inodes.get(ino);
        if (m == null) {
            int id = 0;
            if (active && eligible) {
                id = register(req, fh);
                if (id < 0) {
                    id = 0;  // this file cannot be reopened (e.g. unreadable to a non-root daemon): cached
                } else if (id == 0) {
                    // the open itself still works, daemon-served; so does every later one
                    off("fell back: the kernel refused a backing file (FUSE_DEV_IOC_BACKING_OPEN; libfuse logged why)");
                    LOG.warn("kernel passthrough: {}", mode);
                }
            }
            m = new InodeMode(id);
            inodes.put(ino, m);
        }
        m.opens++;
        files.put(new OpenFile(ino, fh), ino);
        return m.backingId;
    }

    /** A backing id for the file open as {@code fh}: > 0, 0 if the kernel refused it, -1 if it cannot be reopened. */
    private static int register(long req, long fh) {
        int own;
        try {
            own = NativeIo.reopen((int) fh, NativeIo.O_RDONLY | NativeIo.O_CLOEXEC);
        } catch (FsException | RuntimeException | LinkageError e) {
            // EMFILE and the like; LinkageError too: a class first loaded while the daemon is out of descriptors
            // fails to load, and a throw here would fail the open (Reply.send answers EIO) that works cached
            return -1;
        }
        try {
            return fuse_lowlevel_h.fuse_passthrough_open(MemorySegment.ofAddress(req), own);
        } finally {
            NativeIo.close(own);  // the kernel holds its own reference from here on
        }
    }

    /** At RELEASE of (ino, fh), before the reply (the request names the session): closes the id after the last open. */
    synchronized void released(long req, long ino, long fh) {
        if (files.remove(new OpenFile(ino, fh)) == null) return;
        InodeMode m = inodes.get(ino);
        if (m == null || --m.opens > 0) return;
        inodes.remove(ino);
        if (m.backingId > 0) fuse_lowlevel_h.fuse_passthrough_close(MemorySegment.ofAddress(req), m.backingId);
    }

    /** Open files tracked (tests and stats: every open should be released). */
    synchronized int trackedOpens() {
        return files.size();
    }
}
