package vexfs.passthrough;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vexfs.fuse.ConnectionInfo;
import vexfs.fuse.EntryParam;
import vexfs.fuse.FileInfo;
import vexfs.fuse.FuseFilesystem;
import vexfs.fuse.Op;
import vexfs.fuse.OpenOptions;
import vexfs.fuse.ReplyAttr;
import vexfs.fuse.ReplyCreate;
import vexfs.fuse.ReplyData;
import vexfs.fuse.ReplyDirectory;
import vexfs.fuse.ReplyEmpty;
import vexfs.fuse.ReplyEntry;
import vexfs.fuse.ReplyLock;
import vexfs.fuse.ReplyLseek;
import vexfs.fuse.ReplyOpen;
import vexfs.fuse.ReplyReadlink;
import vexfs.fuse.ReplyStatfs;
import vexfs.fuse.ReplyWrite;
import vexfs.fuse.ReplyXattr;
import vexfs.fuse.Request;
import vexfs.fuse.SetAttr;
import vexfs.fuse.WriteData;
import vexfs.libc.Attr;
import vexfs.libc.DirBatch;
import vexfs.libc.Errno;
import vexfs.libc.FsException;
import vexfs.libc.Lock;
import vexfs.libc.MemoryFilesystems;
import vexfs.libc.Name;
import vexfs.libc.NativeIo;

/**
 * libfuse's passthrough_ll in Java: every operation is the backing filesystem's own system call, made relative to
 * the O_PATH descriptor of the node (never a path string), so renames and hard links cannot break node identity.
 * Node descriptors are pinned around each use ({@link PinnedFd}): only a bounded set stays open, the rest are
 * reopened by file handle ({@link InodeTable}). A node with open files keeps its descriptor pinned until their
 * release, so an unlinked but open file keeps working. Open files carry their real descriptor in {@code fh}, which
 * requests that have one use first; directories carry a descriptor read with getdents64, whose d_off values are
 * our readdir offsets.
 */
public final class PassthroughFs implements FuseFilesystem {
    private static final Logger LOG = LoggerFactory.getLogger(PassthroughFs.class);
    private static final int SET_UID = 04000;
    private static final int SET_GID = 02000;

    private final InodeTable inodes;
    private final PassthroughOptions options;
    private final Name hidden;
    private final boolean runningAsRoot;
    private final LockReleases lockReleases = new LockReleases();
    private final PosixLocks locks = new PosixLocks(lockReleases);
    /** Open directories by handle (= their descriptor). */
    private final Map<Long, DirStream> dirs = new ConcurrentHashMap<>();
    private static final long NO_DEV = Long.MIN_VALUE;
    /** The device of the backing root if it is a memory filesystem (tmpfs, ramfs), else NO_DEV. */
    private final long memoryDev;

    /** What INIT settled (read after the whole negotiation: kernel passthrough may still drop KILLPRIV_V2). */
    private volatile ConnectionInfo connection;

    public PassthroughFs(int backingDirFd, PassthroughOptions options) throws FsException {
        Attr root = NativeIo.stat(backingDirFd);
        this.inodes = new InodeTable(backingDirFd, root, options.maxFds());
        this.memoryDev = MemoryFilesystems.contains(java.nio.file.Path.of(NativeIo.procPath(backingDirFd)))
                ? root.dev() : NO_DEV;
        this.options = options;
        this.hidden = options.hiddenRootName() == null ? null : Name.of(options.hiddenRootName());
        this.runningAsRoot = "root".equals(System.getProperty("user.name"));
        // Modes arrive already masked with the caller's umask; ours must not mask them again (passthrough_ll too).
        NativeIo.umask(0);
    }

    /** Opens {@code backingDir} as the root (O_PATH) and builds the filesystem over it. */
    public static PassthroughFs open(java.nio.file.Path backingDir, PassthroughOptions options) throws FsException {
        int fd = NativeIo.open(backingDir.toAbsolutePath().toString(), NativeIo.O_PATH | NativeIo.O_DIRECTORY, 0);
        return new PassthroughFs(fd, options);
    }

    /** The view of the known nodes that decorating layers use (the inode table itself stays private). */
    public BackingNodes nodes() {
        return nodesView;
    }

    public PassthroughOptions options() {
        return options;
    }

    /** For stats: where the node table and its descriptors stand. */
    public NodeCounts nodeCounts() {
        DescriptorCache fds = inodes.descriptors();
        return new NodeCounts(inodes.size(), inodes.maxNodes(), fds.open(), fds.bound());
    }

    /** For tests that build several over one directory: closes the descriptor kept for open_by_handle_at. */
    void closeMountDescriptor() {
        inodes.descriptors().closeMountFd();
    }

    private final BackingNodes nodesView = new BackingNodes() {
        @Override
        public BackingNode node(long nodeId) throws FsException {
            return inodes.get(nodeId);
        }

        @Override
        public int openPath(long parent, Name name) {
            if (isHidden(parent, name)) return -1;
            try (PinnedFd dir = inodes.pin(parent)) {
                return openNodePath(dir.fd(), name);
            } catch (FsException e) {
                return -1;
            }
        }

        @Override
        public void unlink(long parent, Name name) throws FsException {
            doUnlink(parent, name);
        }

        @Override
        public void rename(long parent, Name name, long newParent, Name newName, int flags) throws FsException {
            doRename(parent, name, newParent, newName, flags);
        }
    };

    private boolean isHidden(long parent, Name name) {
        return hidden != null && parent == ROOT_ID && name.equals(hidden);
    }

    private void checkWritable() throws FsException {
        if (options.readOnly()) throw new FsException(Errno.EROFS);
    }

    /** Something that opens a descriptor. */
    private interface FdOpener {
        int open() throws FsException;
    }

    /**
     * Runs {@code opener}; if the daemon is out of descriptors (a limit lower than our bound, or many open files),
     * closes unpinned node descriptors and tries once more.
     */
    private int withRoom(FdOpener opener) throws FsException {
        try {
            return opener.open();
        } catch (FsException e) {
            if (e.errno() != Errno.EMFILE && e.errno() != Errno.ENFILE) throw e;
            if (inodes.descriptors().makeRoom() == 0) throw outOfDescriptors(e);
            try {
                return opener.open();
            } catch (FsException again) {
                throw again.errno() == Errno.EMFILE || again.errno() == Errno.ENFILE ? outOfDescriptors(again) : again;
            }
        }
    }

    private final java.util.concurrent.atomic.AtomicLong lastOutOfFdsLog = new java.util.concurrent.atomic.AtomicLong();

    /**
     * One log line (at most every 10 s) saying why an open answers EMFILE: every node descriptor is in use. It
     * opens nothing and loads no class of ours (with no descriptor to spare, a class loaded from a directory, as
     * in the tests, cannot be read: NoClassDefFoundError); hence no /proc/self/limits and no Errno.name here.
     */
    private FsException outOfDescriptors(FsException e) {
        long now = System.nanoTime();
        long last = lastOutOfFdsLog.get();
        if ((last == 0 || now - last > 10_000_000_000L) && lastOutOfFdsLog.compareAndSet(last, now)) {
            DescriptorCache fds = inodes.descriptors();
            LOG.warn("out of descriptors: {} node descriptors open (bound {}), all in use by requests or open files,"
                    + " and {} of nodes without a handle; the open answers {}", fds.open(), fds.bound(),
                    fds.permanent(), e.errno() == Errno.EMFILE ? "EMFILE" : "ENFILE");
        }
        return e;
    }

    /** A new O_PATH descriptor of {@code name} in {@code dirFd} (a last symlink not followed). */
    private int openNodePath(int dirFd, Name name) throws FsException {
        return withRoom(() -> NativeIo.openat(dirFd, name, NativeIo.O_PATH | NativeIo.O_NOFOLLOW | NativeIo.O_CLOEXEC, 0));
    }

    /**
     * fsync of a node on a memory filesystem has nothing to write (tmpfs: a no-op): it is answered on the reader
     * that received it. The hand-off to the blocking pool, meant for syncs that wait for a disk, cost more than the
     * call (an fsync round trip 55 against 18-30 µs inline; SQLite's one per commit).
     */
    @Override
    public Op.Lane laneFor(Op op, long ino) {
        if ((op == Op.FSYNC || op == Op.FSYNCDIR) && memoryDev != NO_DEV) {
            Inode node = inodes.find(ino);
            if (node != null && node.dev == memoryDev) return Op.Lane.INLINE;
        }
        return null;
    }

    /** Whether fsync of the backing root's filesystem is free (a memory filesystem), for the mount log. */
    public boolean syncIsFree() {
        return memoryDev != NO_DEV;
    }

    @Override
    public void init(ConnectionInfo conn) {
        // Without the lock capabilities the kernel keeps POSIX and flock locks itself (locks=kernel): exact
        // semantics among the mount's users and no round trip per lock; with them every lock is a request.
        if (options.backingLocks()) {
            conn.enable(ConnectionInfo.CAP_FLOCK_LOCKS);
            conn.enable(ConnectionInfo.CAP_POSIX_LOCKS);
        } else {
            conn.disable(ConnectionInfo.CAP_FLOCK_LOCKS);
            conn.disable(ConnectionInfo.CAP_POSIX_LOCKS);
        }
        // We clear set-ID bits where the kernel asks (libfuse 3.17+; 3.14's library never offers the bit): the kernel
        // then stops sending a GETXATTR security.capability before every WRITE.
        conn.enable(ConnectionInfo.CAP_HANDLE_KILLPRIV_V2);
        connection = conn;
        boolean writeback = options.writeback() && conn.enable(ConnectionInfo.CAP_WRITEBACK_CACHE);
        if (!writeback) conn.disable(ConnectionInfo.CAP_WRITEBACK_CACHE);
        LOG.info("FUSE protocol {}.{}: writeback cache {}, direct_io {}, read-only {}, attr/entry timeout {}/{} s,"
                        + " locks {}, fsync {}", conn.protoMajor(), conn.protoMinor(), writeback ? "on" : "off",
                options.directIo() ? "on" : "off", options.readOnly() ? "yes" : "no", options.attrTimeout(),
                options.entryTimeout(), options.backingLocks() ? "on the backing files" : "kept by the kernel",
                syncIsFree() ? "on the reader (memory filesystem)" : "on the blocking pool");
        if (options.writeback() && !writeback) LOG.warn("the kernel does not offer a writeback cache");
    }

    /**
     * The kernel leaves clearing set-ID bits to us (HANDLE_KILLPRIV_V2 negotiated) and our own writes would not
     * clear them: a daemon that is not root lacks CAP_FSETID, so the backing filesystem clears them itself.
     */
    private boolean clearsSetIdBits() {
        ConnectionInfo c = connection;
        return runningAsRoot && c != null && (c.want() & ConnectionInfo.CAP_HANDLE_KILLPRIV_V2) != 0;
    }

    /**
     * An O_TRUNC open by a caller without CAP_FSETID (a caller other than root stands for that) must clear set-ID
     * bits, and that is always ours to do: with atomic O_TRUNC the kernel drops the truncate's own kill request
     * (fuse_do_setattr: "truncation has already been done by OPEN"), with or without KILLPRIV_V2 — under V2 it
     * sets FUSE_OPEN_KILL_SUIDGID, which libfuse does not pass on. Our root open of the backing file keeps them.
     */
    private boolean truncatesForNonRoot(Request req, int flags) {
        return (flags & NativeIo.O_TRUNC) != 0 && req.uid() != 0 && runningAsRoot;
    }

    /**
     * Clears the set-ID bits of node {@code ino} (open as {@code fd}) before the reply: the kernel keeps its cached
     * mode otherwise, and an exec within the attribute timeout would still run the file set-user-ID.
     */
    private void clearSetId(long ino, int fd, boolean pathFd) throws FsException {
        ConnectionInfo c = connection;
        if (SetIdBits.clear(fd, pathFd) && c != null) c.invalidateAttributes(ino);
    }

    // ---- entries ----

    /**
     * Looks {@code name} up in {@code parent} and takes one lookup reference: every entry reply comes here.
     * A name whose node the kernel already holds costs one fstatat instead of openat + fstat + close: lookups
     * after an entry timeout and readdirplus of a directory already looked into are mostly such names.
     */
    private EntryParam doLookup(long parent, Name name) throws FsException {
        if (isHidden(parent, name)) throw new FsException(Errno.ENOENT);
        // ".." of the root would be the backing directory's parent: outside what the mount may show
        if (parent == ROOT_ID && name.is("..")) throw new FsException(Errno.ENOENT, "nothing above the mount root");
        try (PinnedFd dir = inodes.pin(parent)) {
            return lookupIn(dir.fd(), name);
        }
    }

    /** {@link #doLookup} in the directory {@code dirFd} (pinned by the caller, or an open directory's own). */
    private EntryParam lookupIn(int dirFd, Name name) throws FsException {
        Attr attr = NativeIo.fstatat(dirFd, name, NativeIo.AT_SYMLINK_NOFOLLOW);
        Inode known = inodes.referenceIfKnown(attr.dev(), attr.ino());
        if (known != null) return new EntryParam(known.nodeId, 0, attr, options.attrTimeout(), options.entryTimeout());
        return lookupOpening(dirFd, name);
    }

    /**
     * The lookup that opens the name (O_PATH): for new nodes, e.g. right after creating the name. The descriptor's
     * fstat and file handle describe one and the same node, whatever happens to the name meanwhile.
     */
    private EntryParam lookupOpening(int dirFd, Name name) throws FsException {
        int fd = openNodePath(dirFd, name);
        Attr attr;
        try {
            attr = NativeIo.stat(fd);
        } catch (FsException e) {
            NativeIo.close(fd);
            throw e;
        }
        Inode node = inodes.reference(fd, attr.dev(), attr.ino(), attr.mode() & Attr.S_IFMT);
        return new EntryParam(node.nodeId, 0, attr, options.attrTimeout(), options.entryTimeout());
    }


    /**
     * The entry of {@code name}, just made in {@code dirFd} by mknod/mkdir/symlink, given to the caller; if that
     * fails (out of descriptors: the lookup needs one) the new name is removed again ({@code undoFlags} for
     * unlinkat), so an error answered means nothing was made.
     */
    private EntryParam createdOrUndone(Request req, int dirFd, Name name, int undoFlags) throws FsException {
        try {
            ownByCaller(req, dirFd, name);
            return lookupOpening(dirFd, name);
        } catch (FsException | RuntimeException e) {
            undo(dirFd, name, undoFlags, e);
            throw e;
        }
    }

    /** {@code name} in {@code dirFd} is still the file open as {@code fd} (not replaced meanwhile). */
    private static boolean sameFile(int fd, int dirFd, Name name) {
        try {
            Attr open = NativeIo.stat(fd);
            Attr named = NativeIo.fstatat(dirFd, name, NativeIo.AT_SYMLINK_NOFOLLOW);
            return open.ino() == named.ino() && open.dev() == named.dev();
        } catch (FsException e) {
            return false;
        }
    }

    private static void undo(int dirFd, Name name, int flags, Exception why) {
        try {
            NativeIo.unlinkat(dirFd, name, flags);
        } catch (FsException e) {
            LOG.warn("{} stays although its creation is answered {}: removing it failed: {}", name, why.getMessage(),
                    e.getMessage());
        }
    }

    @Override
    public void lookup(Request req, long parent, Name name, ReplyEntry reply) throws FsException {
        reply.entry(doLookup(parent, name));
    }

    @Override
    public void forget(long ino, long nlookup) {
        inodes.forget(ino, nlookup);
    }

    /** With an open file (fstat and friends) its own descriptor answers: no node descriptor to pin or reopen. */
    @Override
    public void getattr(Request req, long ino, FileInfo fi, ReplyAttr reply) throws FsException {
        if (fi != null) {
            reply.attr(NativeIo.stat((int) fi.fh()), options.attrTimeout());
            return;
        }
        try (PinnedFd node = inodes.pin(ino)) {
            reply.attr(NativeIo.stat(node.fd()), options.attrTimeout());
        }
    }

    @Override
    public void setattr(Request req, long ino, SetAttr a, FileInfo fi, ReplyAttr reply) throws FsException {
        checkWritable();
        Inode node = inodes.get(ino);
        int openFd = fi == null ? -1 : (int) fi.fh();
        try (PinnedFd pinned = openFd >= 0 ? null : node.pin()) {
            int fd = openFd >= 0 ? openFd : pinned.fd();
            if (a.has(SetAttr.MODE)) {
                if (openFd >= 0) NativeIo.fchmod(openFd, a.mode());
                else NativeIo.chmod(fd, a.mode());
            }
            if (a.has(SetAttr.UID) || a.has(SetAttr.GID)) {
                NativeIo.chown(fd, a.has(SetAttr.UID) ? a.uid() : -1, a.has(SetAttr.GID) ? a.gid() : -1);
            }
            if (a.has(SetAttr.SIZE)) {
                if (openFd >= 0) NativeIo.ftruncate(openFd, a.size());
                else NativeIo.truncate(fd, a.size());
            }
            if (a.has(SetAttr.KILL_SUIDGID) && clearsSetIdBits()) SetIdBits.clear(fd, openFd < 0);  // in the reply
            if (a.has(SetAttr.ATIME) || a.has(SetAttr.MTIME)) {
                long an = a.has(SetAttr.ATIME_NOW) ? SetAttr.UTIME_NOW : a.has(SetAttr.ATIME) ? a.atimeNsec() : SetAttr.UTIME_OMIT;
                long mn = a.has(SetAttr.MTIME_NOW) ? SetAttr.UTIME_NOW : a.has(SetAttr.MTIME) ? a.mtimeNsec() : SetAttr.UTIME_OMIT;
                NativeIo.utimens(fd, openFd, a.atimeSec(), an, a.mtimeSec(), mn, node.isSymlink());
            }
            reply.attr(NativeIo.stat(fd), options.attrTimeout());
        }
    }

    @Override
    public void readlink(Request req, long ino, ReplyReadlink reply) throws FsException {
        try (PinnedFd node = inodes.pin(ino)) {
            reply.target(NativeIo.readlinkat(node.fd()));
        }
    }

    /**
     * After creating {@code name} as root on behalf of another user, give it to that user, as a kernel FS would:
     * the group stays the directory's if the directory is set-group-ID, and set-ID bits the caller asked for are
     * put back (chown clears them on non-directories).
     */
    private void ownByCaller(Request req, int dirFd, Name name) {
        if (!runningAsRoot || (req.uid() == 0 && req.gid() == 0)) return;
        try {
            int fd = openNodePath(dirFd, name);
            try {
                boolean setgidDir = (NativeIo.stat(dirFd).mode() & SET_GID) != 0;
                Attr before = NativeIo.stat(fd);
                NativeIo.chown(fd, req.uid(), setgidDir ? -1 : req.gid());
                int special = before.mode() & (SET_UID | SET_GID);
                if (special != 0 && !before.isDirectory() && !before.isSymlink()) {
                    NativeIo.chmod(fd, before.mode() & 07777);
                }
            } finally {
                NativeIo.close(fd);
            }
        } catch (FsException e) {
            LOG.warn("cannot give {} to uid {}: {}", name, req.uid(), e.getMessage());
        }
    }

    @Override
    public void mknod(Request req, long parent, Name name, int mode, long rdev, ReplyEntry reply) throws FsException {
        checkWritable();
        if (isHidden(parent, name)) throw new FsException(Errno.EEXIST);
        try (PinnedFd dir = inodes.pin(parent)) {
            NativeIo.mknodat(dir.fd(), name, mode, rdev);
            reply.entry(createdOrUndone(req, dir.fd(), name, 0));
        }
    }

    @Override
    public void mkdir(Request req, long parent, Name name, int mode, ReplyEntry reply) throws FsException {
        checkWritable();
        if (isHidden(parent, name)) throw new FsException(Errno.EEXIST);
        try (PinnedFd dir = inodes.pin(parent)) {
            NativeIo.mkdirat(dir.fd(), name, mode);
            reply.entry(createdOrUndone(req, dir.fd(), name, NativeIo.AT_REMOVEDIR));
        }
    }

    @Override
    public void symlink(Request req, byte[] target, long parent, Name name, ReplyEntry reply) throws FsException {
        checkWritable();
        if (isHidden(parent, name)) throw new FsException(Errno.EEXIST);
        try (PinnedFd dir = inodes.pin(parent)) {
            NativeIo.symlinkat(target, dir.fd(), name);
            reply.entry(createdOrUndone(req, dir.fd(), name, 0));
        }
    }

    @Override
    public void link(Request req, long ino, long newParent, Name newName, ReplyEntry reply) throws FsException {
        checkWritable();
        if (isHidden(newParent, newName)) throw new FsException(Errno.EEXIST);
        try (PinnedFd node = inodes.pin(ino); PinnedFd dir = inodes.pin(newParent)) {
            NativeIo.linkat(node.fd(), dir.fd(), newName);
            EntryParam e;
            try {
                e = lookupIn(dir.fd(), newName);
            } catch (FsException | RuntimeException failed) {
                undo(dir.fd(), newName, 0, failed); // e.g. EMFILE: the caller is told the link failed, so it must not exist
                throw failed;
            }
            reply.entry(e);
        }
    }

    @Override
    public void unlink(Request req, long parent, Name name, ReplyEmpty reply) throws FsException {
        doUnlink(parent, name);
        reply.ok();
    }

    /** The unlink itself, without the reply: a subclass (VectorFs) does its bookkeeping before replying. */
    private void doUnlink(long parent, Name name) throws FsException {
        checkWritable();
        if (isHidden(parent, name)) throw new FsException(Errno.ENOENT);
        try (PinnedFd dir = inodes.pin(parent)) {
            NativeIo.unlinkat(dir.fd(), name, 0);
        }
    }

    @Override
    public void rmdir(Request req, long parent, Name name, ReplyEmpty reply) throws FsException {
        checkWritable();
        if (isHidden(parent, name)) throw new FsException(Errno.ENOENT);
        try (PinnedFd dir = inodes.pin(parent)) {
            NativeIo.unlinkat(dir.fd(), name, NativeIo.AT_REMOVEDIR);
        }
        reply.ok();
    }

    @Override
    public void rename(Request req, long parent, Name name, long newParent, Name newName, int flags, ReplyEmpty reply)
            throws FsException {
        doRename(parent, name, newParent, newName, flags);
        reply.ok();
    }

    /** The rename itself, without the reply: a subclass (VectorFs) does its bookkeeping before replying. */
    private void doRename(long parent, Name name, long newParent, Name newName, int flags) throws FsException {
        checkWritable();
        if (isHidden(parent, name) || isHidden(newParent, newName)) throw new FsException(Errno.EACCES);
        try (PinnedFd from = inodes.pin(parent); PinnedFd to = inodes.pin(newParent)) {
            NativeIo.renameat2(from.fd(), name, to.fd(), newName, flags);
        }
    }

    // ---- files ----

    /**
     * A regular file's open: the handle is its backing descriptor, so the kernel may do the reads and writes on it
     * directly (kernel FUSE passthrough, where the session has it) — unless -o direct_io or -o writeback asked for
     * every byte to go through the daemon or the page cache, or the layer above says no ({@link #watchWrites}).
     */
    private OpenOptions openOptions(int fd) {
        if (options.directIo()) return new OpenOptions(true, false, false, false);
        return !options.writeback() && passthroughAllowed(fd) ? OpenOptions.BACKING_FILE : OpenOptions.DEFAULT;
    }

    private boolean passthroughAllowed(int fd) {
        return !writesWatched.test(fd);
    }

    private volatile java.util.function.IntPredicate writesWatched = fd -> false;

    /**
     * A layer that must see every WRITE of some files (the vector layer: .vec files) names them here by their open
     * descriptor; their opens are then never kernel passthrough, whose reads and writes bypass the daemon.
     */
    public void watchWrites(java.util.function.IntPredicate openFile) {
        this.writesWatched = java.util.Objects.requireNonNull(openFile);
    }

    /** With writeback caching the kernel may read a write-only file; O_APPEND is the kernel's job then. */
    private int adjustOpenFlags(int flags) {
        if (options.writeback()) {
            if ((flags & NativeIo.O_ACCMODE) == NativeIo.O_WRONLY) flags = (flags & ~NativeIo.O_ACCMODE) | NativeIo.O_RDWR;
            flags &= ~NativeIo.O_APPEND;
        }
        return flags & ~NativeIo.O_NOFOLLOW;
    }

    @Override
    public void open(Request req, long ino, FileInfo fi, ReplyOpen reply) throws FsException {
        if (options.readOnly() && (fi.flags() & NativeIo.O_ACCMODE) != NativeIo.O_RDONLY) {
            throw new FsException(Errno.EROFS);
        }
        int flags = adjustOpenFlags(fi.flags()) | NativeIo.O_CLOEXEC;
        Inode node = inodes.get(ino);
        int pathFd = pinForOpenFile(node);
        int fd = -1;
        try {
            fd = withRoom(() -> NativeIo.reopen(pathFd, flags));
            if (truncatesForNonRoot(req, flags)) clearSetId(ino, fd, false);
            node.fileOpened(fd);  // before the reply: a RELEASE may follow it on another reader at once
            reply.opened(fd, openOptions(fd));
        } catch (FsException | RuntimeException e) {
            if (fd >= 0) {
                node.fileClosing(fd);
                NativeIo.close(fd);
            }
            node.cacheRelease();
            throw e;
        }
    }

    /**
     * A node with open files keeps its descriptor pinned until their release: requests for it without a handle
     * (getattr after fstat's attribute timeout, xattrs, a .vec close) must keep working after an unlink, when a
     * handle of the deleted file could no longer be opened (ESTALE).
     */
    private int pinForOpenFile(Inode node) throws FsException {
        return inodes.descriptors().acquire(node);
    }

    private void unpinForOpenFile(long ino) {
        Inode node = inodes.find(ino);
        if (node != null) node.cacheRelease();
        else LOG.warn("release of node {}, which is not known (any more)", ino);
    }

    @Override
    public void create(Request req, long parent, Name name, int mode, FileInfo fi, ReplyCreate reply)
            throws FsException {
        checkWritable();
        if (isHidden(parent, name)) throw new FsException(Errno.EACCES);
        int flags = adjustOpenFlags(fi.flags()) | NativeIo.O_CREAT | NativeIo.O_NOFOLLOW | NativeIo.O_CLOEXEC;
        try (PinnedFd dir = inodes.pin(parent)) {
            int dirFd = dir.fd();
            // O_EXCL first, to know whether this call made the file: only then may a failure below remove it again
            boolean made = true;
            int fd;
            try {
                fd = withRoom(() -> NativeIo.openat(dirFd, name, flags | NativeIo.O_EXCL, mode));
            } catch (FsException e) {
                if (e.errno() != Errno.EEXIST || (flags & NativeIo.O_EXCL) != 0) throw e;
                // another opener made it meanwhile: not ours to remove
                fd = withRoom(() -> NativeIo.openat(dirFd, name, flags, mode));
                made = false;
            }
            EntryParam entry = null;
            Inode pinned = null;
            try {
                ownByCaller(req, dirFd, name);
                // an existing file opened O_TRUNC: cleared before the lookup, so the entry reply carries the new mode
                if (!made && truncatesForNonRoot(req, flags)) SetIdBits.clear(fd, false);
                entry = lookupOpening(dirFd, name);
                pinned = inodes.get(entry.ino());
                pinForOpenFile(pinned);
                pinned.fileOpened(fd);
                reply.created(entry, fd, openOptions(fd));
            } catch (FsException | RuntimeException e) {
                // e.g. EMFILE for the inode's O_PATH descriptor: the caller is told the create failed, so no file stays
                if (made && sameFile(fd, dirFd, name)) undo(dirFd, name, 0, e);
                if (pinned != null) pinned.fileClosing(fd);
                NativeIo.close(fd);
                if (pinned != null) pinned.cacheRelease();
                if (entry != null) inodes.forget(entry.ino(), 1);  // the kernel never got the entry
                throw e;
            }
        }
    }

    @Override
    public void read(Request req, long ino, long size, long offset, FileInfo fi, ReplyData reply) {
        reply.fromFd((int) fi.fh(), offset, size);
    }

    @Override
    public void write(Request req, long ino, WriteData data, long offset, FileInfo fi, ReplyWrite reply)
            throws FsException {
        if (data.killSuidGid() && clearsSetIdBits()) clearSetId(ino, (int) fi.fh(), false);
        reply.written(data.pwrite((int) fi.fh(), offset));
    }

    @Override
    public void flush(Request req, long ino, FileInfo fi, ReplyEmpty reply) throws FsException {
        // A close(2) by the lock owner drops all its POSIX locks on the file (the kernel leaves that to us).
        locks.release(ino, fi.lockOwner());
        // close(dup(fd)) makes the backing filesystem see the close(2) of this descriptor (NFS-style semantics).
        // Out of descriptors, skip it: close(2) must not fail with EMFILE for a file whose data is all written.
        try {
            NativeIo.close(NativeIo.reopenDup((int) fi.fh()));
        } catch (FsException e) {
            if (e.errno() != vexfs.libc.Errno.EMFILE && e.errno() != vexfs.libc.Errno.ENFILE) throw e;
        }
        reply.ok();
    }

    @Override
    public void release(Request req, long ino, FileInfo fi, ReplyEmpty reply) throws FsException {
        Inode node = inodes.find(ino);
        if (node != null) node.fileClosing((int) fi.fh());
        NativeIo.close((int) fi.fh());
        if (options.backingLocks()) lockReleases.released(ino);  // the close dropped any flock of this open
        unpinForOpenFile(ino);
        reply.ok();
    }

    @Override
    public void fsync(Request req, long ino, boolean datasync, FileInfo fi, ReplyEmpty reply) throws FsException {
        NativeIo.fsync((int) fi.fh(), datasync);
        reply.ok();
    }

    // ---- directories ----

    @Override
    public void opendir(Request req, long ino, FileInfo fi, ReplyOpen reply) throws FsException {
        Inode node = inodes.get(ino);
        int pathFd = pinForOpenFile(node);
        int fd = -1;
        try {
            fd = withRoom(() -> NativeIo.reopen(pathFd, NativeIo.O_RDONLY | NativeIo.O_DIRECTORY | NativeIo.O_CLOEXEC));
            dirs.put((long) fd, new DirStream(fd));
            reply.opened(fd, OpenOptions.DEFAULT);
        } catch (FsException | RuntimeException e) {
            if (fd >= 0) {
                dirs.remove((long) fd);
                NativeIo.close(fd);
            }
            node.cacheRelease();
            throw e;
        }
    }

    @Override
    public void readdir(Request req, long ino, long size, long offset, FileInfo fi, ReplyDirectory reply)
            throws FsException {
        DirStream dir = dirs.get(fi.fh());
        if (dir == null) throw new FsException(Errno.EBADF, "readdir of a handle opendir did not make");
        synchronized (dir) {
            long next = offset;
            while (true) {
                int i;
                try {
                    i = dir.peek(next);
                } catch (FsException e) {
                    // Errors after some entries were added are swallowed: the kernel's lookup counts depend on
                    // what we already handed out (passthrough_ll's rule).
                    if (reply.isEmpty()) throw e;
                    break;
                }
                if (i < 0) break;
                DirBatch b = dir.batch();
                boolean hide = hidden != null && ino == ROOT_ID && b.nameIs(i, hidden);
                if (!hide && addEntry(dir.fd, b, i, reply)) break;  // full: the entry stays for next time
                dir.advance();
                next = b.nextOffset(i);
            }
        }
        reply.send();
    }

    /**
     * Adds one entry; for readdirplus takes a lookup reference and gives it back if the entry did not fit. The
     * lookups are relative to the open directory's own descriptor {@code dirFd}: no node descriptor is pinned.
     */
    private boolean addEntry(int dirFd, DirBatch b, int i, ReplyDirectory reply) throws FsException {
        if (!reply.isPlus()) return reply.add(b, i);
        Name name = b.name(i);
        if (b.isDotOrDotDot(i)) {
            Attr a = new Attr(0, b.ino(i), b.type(i) << 12, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
            return reply.addPlus(name, new EntryParam(0, 0, a, 0, 0), b.nextOffset(i));
        }
        EntryParam e;
        try {
            e = lookupIn(dirFd, name);
        } catch (FsException gone) {
            return false;  // removed between getdents and lookup: skip it
        }
        boolean full = reply.addPlus(name, e, b.nextOffset(i));
        if (full) inodes.forget(e.ino(), 1);
        return full;
    }

    @Override
    public void releasedir(Request req, long ino, FileInfo fi, ReplyEmpty reply) {
        dirs.remove(fi.fh());
        NativeIo.close((int) fi.fh());
        unpinForOpenFile(ino);
        reply.ok();
    }

    @Override
    public void fsyncdir(Request req, long ino, boolean datasync, FileInfo fi, ReplyEmpty reply) throws FsException {
        NativeIo.fsync((int) fi.fh(), datasync);
        reply.ok();
    }

    @Override
    public void statfs(Request req, long ino, ReplyStatfs reply) throws FsException {
        try (PinnedFd node = inodes.pin(ino)) {
            reply.statfs(NativeIo.fstatvfs(node.fd()));
        }
    }

    @Override
    public void access(Request req, long ino, int mask, ReplyEmpty reply) throws FsException {
        try (PinnedFd node = inodes.pin(ino)) {
            NativeIo.access(node.fd(), mask);
        }
        reply.ok();
    }

    // ---- extended attributes ----

    /*
     * xattr calls go through /proc/self/fd/N of the node's O_PATH descriptor. For a symlink that path resolves to the
     * symlink itself, not its target, so xattrs of symlinks work as lgetxattr(2) would (the backing FS then refuses
     * user.* on symlinks with EPERM itself, as it should).
     */

    @Override
    public void setxattr(Request req, long ino, Name name, byte[] value, int flags, ReplyEmpty reply)
            throws FsException {
        checkWritable();
        try (PinnedFd node = inodes.pin(ino)) {
            NativeIo.setxattr(node.fd(), name, value, flags);
        }
        reply.ok();
    }

    @Override
    public void getxattr(Request req, long ino, Name name, long size, ReplyXattr reply) throws FsException {
        try (PinnedFd node = inodes.pin(ino)) {
            if (size == 0) reply.size(node.node().xattrSize(node.fd(), name));
            else reply.data(node.node().xattr(node.fd(), name, (int) Math.min(size, 1 << 16)));
        }
    }

    @Override
    public void listxattr(Request req, long ino, long size, ReplyXattr reply) throws FsException {
        try (PinnedFd node = inodes.pin(ino)) {
            if (size == 0) reply.size(NativeIo.listxattrSize(node.fd()));
            else reply.data(NativeIo.listxattr(node.fd(), (int) Math.min(size, 1 << 16)));
        }
    }

    @Override
    public void removexattr(Request req, long ino, Name name, ReplyEmpty reply) throws FsException {
        checkWritable();
        try (PinnedFd node = inodes.pin(ino)) {
            NativeIo.removexattr(node.fd(), name);
        }
        reply.ok();
    }

    // ---- locks, ranges ----

    @Override
    public void getlk(Request req, long ino, FileInfo fi, Lock lock, ReplyLock reply) throws FsException {
        reply.lock(locks.test(inodes.get(ino), fi.lockOwner(), (int) fi.fh(), lock));
    }

    @Override
    public void setlk(Request req, long ino, FileInfo fi, Lock lock, boolean sleep, ReplyEmpty reply)
            throws FsException {
        // lock.pid() is the caller's process id (the kernel fills in the thread group id); req.pid() is its thread
        locks.set(inodes.get(ino), fi.lockOwner(), lock.pid(), lock, sleep, reply::isInterrupted);
        reply.ok();
    }

    /** flock(2) locks belong to the open file, i.e. to our descriptor; a blocking one waits like setlk does. */
    @Override
    public void flock(Request req, long ino, FileInfo fi, int op, ReplyEmpty reply) throws FsException {
        int fd = (int) fi.fh();
        if ((op & NativeIo.LOCK_NB) != 0 || (op & NativeIo.LOCK_UN) != 0) {
            NativeIo.flock(fd, op);
            if ((op & NativeIo.LOCK_UN) != 0) lockReleases.released(ino);
            reply.ok();
            return;
        }
        LockWait.until(() -> {
            try {
                NativeIo.flock(fd, op | NativeIo.LOCK_NB);
                return true;
            } catch (FsException e) {
                if (e.errno() != Errno.EAGAIN) throw e;
                return false;
            }
        }, reply::isInterrupted, lockReleases, ino);
        reply.ok();
    }

    @Override
    public void fallocate(Request req, long ino, int mode, long offset, long length, FileInfo fi, ReplyEmpty reply)
            throws FsException {
        checkWritable();
        NativeIo.fallocate((int) fi.fh(), mode, offset, length);
        reply.ok();
    }

    @Override
    public void copyFileRange(Request req, long inoIn, long offIn, FileInfo fiIn, long inoOut, long offOut,
                              FileInfo fiOut, long len, int flags, ReplyWrite reply) throws FsException {
        checkWritable();
        reply.written(NativeIo.copyFileRange((int) fiIn.fh(), offIn, (int) fiOut.fh(), offOut, len, flags));
    }

    @Override
    public void lseek(Request req, long ino, long offset, int whence, FileInfo fi, ReplyLseek reply)
            throws FsException {
        reply.offset(NativeIo.lseek((int) fi.fh(), offset, whence));
    }
}
