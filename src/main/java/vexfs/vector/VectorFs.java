package vexfs.vector;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vexfs.embed.Embedder;
import vexfs.fuse.ConnectionInfo;
import vexfs.fuse.FileInfo;
import vexfs.fuse.ForwardingFilesystem;
import vexfs.fuse.Op;
import vexfs.fuse.ReplyEmpty;
import vexfs.fuse.ReplyWrite;
import vexfs.fuse.ReplyXattr;
import vexfs.fuse.Request;
import vexfs.fuse.WriteData;
import vexfs.libc.Attr;
import vexfs.libc.Errno;
import vexfs.libc.FsException;
import vexfs.libc.Name;
import vexfs.libc.NativeIo;
import vexfs.passthrough.BackingNode;
import vexfs.passthrough.BackingNodes;
import vexfs.passthrough.PassthroughFs;
import vexfs.passthrough.PassthroughOptions;
import vexfs.passthrough.PinnedFd;
import vexfs.store.InvalidVectorException;
import vexfs.store.VectorCodec;
import vexfs.store.VectorStore;
import vexfs.volume.FileVectors;
import vexfs.volume.IndexUpdates;
import vexfs.volume.MountPath;

/**
 * The vector layer, decorating the passthrough: the {@code user.vexfs.*} xattrs, {@code .vec} files indexed on close,
 * and the bookkeeping that keeps the store in line with the files (unlink of the last link, renames, a background
 * reconcile after mount). A vector belongs to the backing inode (its xattr {@code user.vexfs.v1}); the store key
 * of a file is its backing inode number. See docs/format.md "Vectors on files".
 */
public final class VectorFs extends ForwardingFilesystem implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(VectorFs.class);

    private final BackingNodes nodes;
    private final PassthroughFs passthrough;
    private final PassthroughOptions options;
    private final FileVectors vectors;
    private final BackgroundReconciler background;
    private final VecFileIndexer vecFiles;
    /** Null for a store without an embedder. */
    private volatile AutoEmbedder auto;

    /**
     * Serves {@code backingDirFd} (an O_PATH descriptor of the backing root, adopted) with vectors in
     * {@code store}. With {@code syncEveryCall} ({@code -o sync_vectors}), setxattr/removexattr/.vec close
     * return only after the file's xattr is fsynced and the store pages are msynced; without it they have the
     * backing filesystem's durability: safe against kill -9 at once, against power loss after fsync of the file,
     * {@code sync} on the control file or unmount (docs/reliability.md, "Durability of vectors").
     */
    public VectorFs(int backingDirFd, PassthroughOptions options, VectorStore store, boolean syncEveryCall)
            throws FsException {
        this(new PassthroughFs(backingDirFd, options), new FileVectors(store, backingDirFd, syncEveryCall));
    }

    /** Decorates {@code passthrough} (whose root is the backing directory of {@code vectors}). */
    public VectorFs(PassthroughFs passthrough, FileVectors vectors) {
        super(passthrough);
        // A .vec file's writes must reach write() to be noticed, so its opens are never kernel passthrough (one
        // readlink per open). A file renamed to .vec while open keeps the mode it was opened with.
        passthrough.watchWrites(fd -> NativeIo.describe(fd).endsWith(".vec"));
        this.nodes = passthrough.nodes();
        this.passthrough = passthrough;
        this.options = passthrough.options();
        this.vectors = vectors;
        this.background = new BackgroundReconciler(vectors);
        this.vecFiles = new VecFileIndexer(vectors);
    }

    /**
     * The vector layer over a passthrough of {@code backingDir}, with the vectors of {@code store} (owned by the
     * volume, which closes it after this layer).
     */
    public static VectorFs over(Path backingDir, PassthroughOptions options, VectorStore store, boolean syncEveryCall)
            throws FsException {
        int fd = NativeIo.open(backingDir.toAbsolutePath().toString(), NativeIo.O_PATH | NativeIo.O_DIRECTORY, 0);
        try {
            return new VectorFs(fd, options, store, syncEveryCall);
        } catch (FsException | RuntimeException e) {
            NativeIo.close(fd);
            throw e;
        }
    }

    // ---- automatic embedding (stores made with mkfs --embed / --embed-cmd) ----

    /**
     * Embeds files automatically with {@code embedder} (loaded on its first use): a file closed after a writable open
     * is embedded {@code debounceMillis} after its last such close, and the scan after mount catches up with anything
     * left undone. Call before the session starts.
     */
    public void enableEmbedding(Embedder embedder, long debounceMillis) {
        AutoEmbedder a = new AutoEmbedder(vectors, embedder, debounceMillis);
        a.start();
        auto = a;
    }

    /** Waits until the embed queue is empty and idle (true at once without an embedder); false on timeout. */
    public boolean awaitEmbedded(long timeoutMillis) throws InterruptedException {
        AutoEmbedder a = auto;
        return a == null || a.awaitIdle(timeoutMillis);
    }

    /** Rows for /.vexfs/stats: queue length, files embedded, files/s, failures and the last reason; none without. */
    public java.util.List<String[]> embedStats() {
        AutoEmbedder a = auto;
        return a == null ? java.util.List.of() : a.stats();
    }

    // ---- API for the search layer ----

    public VectorStore store() {
        return vectors.store;
    }

    /** Connects the ANN index: told of every store change made through this filesystem. */
    public void setIndexUpdates(IndexUpdates updates) {
        vectors.setUpdates(updates);
    }

    /**
     * The current path in the mount (the name's bytes, whether or not they are UTF-8) of the file whose vector has
     * key {@code fileKey}, or null if no such file exists any more. Verified against the inode before returning.
     * Right after mount, or after a directory rename, it may wait (bounded: 10 s / 2 s) for the background scan
     * that records paths.
     */
    public MountPath pathOf(long fileKey) {
        MountPath p = verifiedPath(fileKey);
        if (p != null || vectors.store.slotOf(fileKey) < 0) return p;
        try {
            // queued work (the scan after mount, a subtree scan after a directory rename) may bring the hint
            background.awaitIdle(background.firstScanDone() ? 2_000 : 10_000);
            p = verifiedPath(fileKey);
            if (p != null || vectors.store.slotOf(fileKey) < 0) return p;
            background.requestAfterMiss(); // changed behind the mount's back: rescan (rate limited)
            background.awaitIdle(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return verifiedPath(fileKey);
    }

    /**
     * The last known path of {@code fileKey} (relative to the mount root), not verified and never waited for: memory
     * only, for search filters on candidate slots; null if none is known. {@link #pathOf} is the verified one.
     */
    public MountPath hintOf(long fileKey) {
        byte[] p = vectors.hintedPath(fileKey);
        return p == null || p.length == 0 ? null : MountPath.ofRelative(p);
    }

    /** Moves whenever a path hint is recorded or dropped ({@link #hintOf} may answer differently). */
    public long hintChanges() {
        return vectors.hintChanges();
    }

    private MountPath verifiedPath(long fileKey) {
        byte[] p = vectors.verifiedPath(fileKey);
        return p == null ? null : MountPath.ofRelative(p);
    }

    /** The store key (backing inode number) of whatever is at {@code path} (not following a last symlink), or -1. */
    public long keyOf(MountPath path) {
        try {
            return path.isRoot() ? NativeIo.stat(vectors.rootFd).ino()
                    : NativeIo.fstatat(vectors.rootFd, Name.of(path.relative()), NativeIo.AT_SYMLINK_NOFOLLOW).ino();
        } catch (FsException e) {
            return -1;
        }
    }

    /** The store key of a node the kernel knows (its backing inode number). */
    public long fileKeyOf(long nodeId) throws FsException {
        return nodes.node(nodeId).ino();
    }

    /** The vector of a node, or null. */
    public float[] vectorOf(long nodeId) throws FsException {
        BackingNode n = nodes.node(nodeId);
        if (!isRegular(n)) return null;
        try (PinnedFd fd = n.pin()) {
            return vectors.read(fd.fd(), n.ino());
        }
    }

    /**
     * Vectors whose only copy is the store (too large for the backing filesystem's xattrs): copies of their files
     * do not carry them. Exact once the reconcile after mount has walked the tree.
     */
    public long storeOnlyVectors() {
        return vectors.storeOnlyCount();
    }

    /** Where the passthrough's node table stands ({@link PassthroughFs#nodeCounts}). */
    public vexfs.passthrough.NodeCounts nodeCounts() {
        return passthrough.nodeCounts();
    }

    /** True with {@code -o sync_vectors}: every vector change is fsynced before it is acknowledged. */
    public boolean syncEveryCall() {
        return vectors.syncEveryCall();
    }

    /** Waits until the background reconcile (started at init) is idle; false on timeout. */
    public boolean awaitReconciled(long timeoutMillis) throws InterruptedException {
        return background.awaitIdle(timeoutMillis);
    }

    @Override
    public void init(ConnectionInfo conn) {
        next.init(conn);
        if (!options.readOnly()) background.requestFull();
        AutoEmbedder a = auto;
        if (a != null && !options.readOnly()) a.requestScan();
    }

    @Override
    public void destroy() {
        close();
    }

    /**
     * Makes every vector acknowledged so far durable against power loss: the store's records and the backing
     * filesystem's xattrs ({@code sync} on the control file; unmount).
     */
    public void sync() throws FsException {
        if (!options.readOnly()) vectors.syncAll();
    }

    /**
     * Stops the background work and syncs (unmount: acknowledged vectors are then durable; the volume closes the
     * store after this, which forces its own pages). Idempotent.
     */
    @Override
    public void close() {
        background.close();
        AutoEmbedder a = auto;
        if (a != null) a.close();
        if (closed.compareAndSet(false, true)) {
            try {
                sync();
            } catch (vexfs.libc.FsFault e) {
                // a damaged store was logged once, with its repair command, when it was found
                LOG.warn("sync at unmount skipped: errno {} (see above)", e.errno());
            } catch (FsException | RuntimeException e) {
                LOG.warn("sync of the backing filesystem at unmount: {}", e.getMessage());
            }
        }
    }

    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * fsync(2) of a file through the mount also makes the store record of its vector durable (the backing fsync
     * persists the file's xattr): with the backing filesystem's durability this is how one file's vector is made
     * safe against power loss.
     */
    @Override
    public void fsync(Request req, long ino, boolean datasync, FileInfo fi, ReplyEmpty reply) throws FsException {
        if (!options.readOnly() && !vectors.syncEveryCall() && !vectors.storeSyncIsFree()) vectors.syncStore();
        next.fsync(req, ino, datasync, fi, reply);
    }

    /**
     * An fsync the backing filesystem would answer inline (a memory filesystem) stays inline only if the store's
     * sync is free too: otherwise its msync could hold the reader behind the store's write lock.
     */
    @Override
    public Op.Lane laneFor(Op op, long ino) {
        Op.Lane lane = next.laneFor(op, ino);
        if (op == Op.FSYNC && lane == Op.Lane.INLINE && !vectors.storeSyncIsFree()) return null;
        return lane;
    }

    // ---- extended attributes ----

    @Override
    public void setxattr(Request req, long ino, Name name, byte[] value, int flags, ReplyEmpty reply)
            throws FsException {
        VectorXattrs.Kind kind = VectorXattrs.classify(name);
        if (kind == VectorXattrs.Kind.OTHER) {
            next.setxattr(req, ino, name, value, flags, reply);
            return;
        }
        if (options.readOnly()) throw new FsException(Errno.EROFS);
        if (kind == VectorXattrs.Kind.EMBED) {
            if (!EmbedMarks.validSetting(value)) {
                LOG.warn("setxattr {} on ino {}: value must be 'off' or 'on'", name, ino);
                throw new FsException(Errno.EINVAL, name + " takes 'off' or 'on'");
            }
            next.setxattr(req, ino, name, value, flags, reply); // kept on the backing node under the same name
            return;
        }
        if (kind != VectorXattrs.Kind.VECTOR && kind != VectorXattrs.Kind.VECTOR_F32) {
            throw new FsException(Errno.EPERM, name + " is read-only");
        }
        BackingNode node = vectorNode(ino, Errno.EPERM);
        try (PinnedFd fd = node.pin()) {
            // probed only for XATTR_CREATE / XATTR_REPLACE: a plain set (almost every call) saves the getxattr
            if ((flags & (NativeIo.XATTR_CREATE | NativeIo.XATTR_REPLACE)) != 0) {
                boolean has = vectors.has(fd.fd(), node.ino());
                if ((flags & NativeIo.XATTR_CREATE) != 0 && has) throw new FsException(Errno.EEXIST);
                if ((flags & NativeIo.XATTR_REPLACE) != 0 && !has) throw new FsException(Errno.ENODATA);
            }
            try {
                float[] v = kind == VectorXattrs.Kind.VECTOR ? VectorCodec.parseCsv(value, vectors.dimension())
                        : VectorCodec.decodeF32(value, vectors.dimension());
                if (auto == null) {
                    vectors.set(fd.fd(), node.ino(), v, vectors.relativePath(fd.fd()));
                } else {
                    // one step against the embedder: the vector is set and the automatic mark dropped (so it wins for good)
                    vectors.underKeyLock(node.ino(), () -> {
                        vectors.set(fd.fd(), node.ino(), v, vectors.relativePath(fd.fd()));
                        EmbedMarks.remove(fd.fd());
                        return null;
                    });
                }
            } catch (InvalidVectorException e) {
                LOG.warn("setxattr {} on ino {} ({}): {}; previous vector kept", name, node.ino(),
                        vectors.describe(fd.fd()), e.getMessage());
                throw new FsException(Errno.EINVAL, e.getMessage());
            }
        }
        reply.ok();
    }

    @Override
    public void getxattr(Request req, long ino, Name name, long size, ReplyXattr reply) throws FsException {
        VectorXattrs.Kind kind = VectorXattrs.classify(name);
        byte[] value = switch (kind) {
            case OTHER -> null;
            case DIM -> ino == ROOT_ID ? ascii(Integer.toString(vectors.dimension())) : noData();
            case METRIC -> ino == ROOT_ID ? ascii(vectors.metric().label()) : noData();
            case RESERVED -> noData();
            case EMBED -> null; // the backing node's own attribute of that name
            case VECTOR, VECTOR_F32 -> {
                float[] v = vectorOf(ino);
                if (v == null) yield noData();
                yield kind == VectorXattrs.Kind.VECTOR ? ascii(VectorCodec.formatCsv(v)) : VectorCodec.encodeF32(v);
            }
        };
        if (value == null) next.getxattr(req, ino, name, size, reply);
        else replyValue(value, size, reply);
    }

    @Override
    public void listxattr(Request req, long ino, long size, ReplyXattr reply) throws FsException {
        BackingNode node = nodes.node(ino);
        if (node.isSymlink()) {
            next.listxattr(req, ino, size, reply);
            return;
        }
        byte[] backing = new byte[0];
        String[] extra;
        try (PinnedFd fd = node.pin()) {
            if (vectors.xattrs) backing = NativeIo.listxattr(fd.fd(), 1 << 16);
            if (ino == ROOT_ID) extra = new String[] {VectorXattrs.DIM, VectorXattrs.METRIC};
            else if (isRegular(node) && vectors.read(fd.fd(), node.ino()) != null) { // what getxattr would return
                extra = new String[] {VectorXattrs.VECTOR, VectorXattrs.VECTOR_F32};
            } else extra = new String[0];
            if (VectorXattrs.contains(backing, EmbedMarks.EMBED_TEXT)) {
                extra = java.util.Arrays.copyOf(extra, extra.length + 1);
                extra[extra.length - 1] = EmbedMarks.EMBED_TEXT;
            }
        }
        replyValue(VectorXattrs.merge(backing, extra), size, reply);
    }

    @Override
    public void removexattr(Request req, long ino, Name name, ReplyEmpty reply) throws FsException {
        VectorXattrs.Kind kind = VectorXattrs.classify(name);
        switch (kind) {
            case OTHER -> {
                next.removexattr(req, ino, name, reply);
                return;
            }
            case DIM, METRIC -> throw new FsException(Errno.EPERM, name + " is read-only");
            case RESERVED -> throw new FsException(Errno.ENODATA);
            case EMBED -> {
                if (options.readOnly()) throw new FsException(Errno.EROFS);
                next.removexattr(req, ino, name, reply);
                return;
            }
            default -> { }
        }
        if (options.readOnly()) throw new FsException(Errno.EROFS);
        BackingNode node = nodes.node(ino);
        if (!isRegular(node)) throw new FsException(Errno.ENODATA);
        try (PinnedFd fd = node.pin()) {
            if (!vectors.remove(fd.fd(), node.ino())) throw new FsException(Errno.ENODATA);
        }
        reply.ok();
    }

    // ---- .vec files: indexed when closed after a write ----

    @Override
    public void write(Request req, long ino, WriteData data, long offset, FileInfo fi, ReplyWrite reply)
            throws FsException {
        vecFiles.wrote(fi.fh());
        next.write(req, ino, data, offset, fi, reply);
    }

    /** cp (coreutils 9) copies with copy_file_range: no WRITE arrives, but the .vec file was written all the same. */
    @Override
    public void copyFileRange(Request req, long inoIn, long offIn, FileInfo fiIn, long inoOut, long offOut,
                              FileInfo fiOut, long len, int flags, ReplyWrite reply) throws FsException {
        vecFiles.wrote(fiOut.fh());
        next.copyFileRange(req, inoIn, offIn, fiIn, inoOut, offOut, fiOut, len, flags, reply);
    }

    /**
     * close(2) returns the error of FLUSH, so a .vec file is checked here (not in release, whose result nobody
     * sees): bad content keeps the bytes as written and the previous vector, and close() fails with EINVAL.
     */
    @Override
    public void flush(Request req, long ino, FileInfo fi, ReplyEmpty reply) throws FsException {
        if (vecFiles.takeIfVec(fi.fh())) {
            BackingNode node = nodes.node(ino);
            if (isRegular(node) && !options.readOnly()) {
                try (PinnedFd fd = node.pin()) {
                    vecFiles.index(fd.fd(), node.ino());
                }
            }
        }
        next.flush(req, ino, fi, reply);
    }

    @Override
    public void release(Request req, long ino, FileInfo fi, ReplyEmpty reply) throws FsException {
        vecFiles.released(fi.fh());
        AutoEmbedder a = auto;
        if (a != null && (fi.flags() & NativeIo.O_ACCMODE) != NativeIo.O_RDONLY && !options.readOnly()) {
            // works in kernel passthrough mode too, where no WRITE reaches us: the embedder compares with the mark
            try {
                BackingNode node = nodes.node(ino);
                if (isRegular(node) && node.dev() == vectors.rootDev) {
                    byte[] path;
                    try (PinnedFd fd = node.pin()) {
                        path = vectors.relativePath(fd.fd());
                    }
                    if (path != null && !endsWith(path, VEC_SUFFIX)) a.changed(node.ino(), path);
                }
            } catch (FsException | RuntimeException e) {
                LOG.debug("release of ino {}: not queued for embedding: {}", ino, e.toString());
            }
        }
        next.release(req, ino, fi, reply);
    }

    // ---- namespace changes that affect vectors ----

    @Override
    public void unlink(Request req, long parent, Name name, ReplyEmpty reply) throws FsException {
        int victim = nodes.openPath(parent, name);
        try {
            nodes.unlink(parent, name);
            if (victim >= 0) afterLinkLost(victim); // before the reply: the caller then sees the index updated
            reply.ok();
        } finally {
            if (victim >= 0) NativeIo.close(victim);
        }
    }

    @Override
    public void rename(Request req, long parent, Name name, long newParent, Name newName, int flags, ReplyEmpty reply)
            throws FsException {
        boolean exchange = (flags & NativeIo.RENAME_EXCHANGE) != 0;
        int moved = nodes.openPath(parent, name);
        int target = nodes.openPath(newParent, newName);
        try {
            nodes.rename(parent, name, newParent, newName, flags);
            if (target >= 0 && !exchange) afterLinkLost(target);
            if (moved >= 0) afterMove(moved);
            if (target >= 0 && exchange) afterMove(target);
            reply.ok();
        } finally {
            if (moved >= 0) NativeIo.close(moved);
            if (target >= 0) NativeIo.close(target);
        }
    }

    /** A name of the file {@code fd} is gone: with no link left its vector leaves the index. */
    private void afterLinkLost(int fd) {
        try {
            Attr a = NativeIo.stat(fd);
            if (!a.isRegular() || a.dev() != vectors.rootDev) return;
            if (a.nlink() == 0) {
                vectors.lastLinkGone(a.ino());
            } else if (vectors.store.slotOf(a.ino()) >= 0 && vectors.verifiedPath(a.ino()) == null) {
                background.requestFull(); // the hinted name went; only a scan finds the other links
            }
        } catch (FsException | RuntimeException | InternalError e) {
            // the name is gone already: the call succeeded, whatever the index bookkeeping met (InternalError: a
            // fault in a mapped file)
            LOG.warn("after unlink: {}", e.toString());
        }
    }

    /** {@code fd} was renamed: record the file's new path, or rescan below a renamed directory. */
    private void afterMove(int fd) {
        try {
            Attr a = NativeIo.stat(fd);
            byte[] path = vectors.relativePath(fd);
            if (path == null || a.dev() != vectors.rootDev) return;
            if (a.isRegular() && vectors.store.slotOf(a.ino()) >= 0) vectors.recordPath(a.ino(), path);
            else if (a.isDirectory()) background.requestSubtree(path);
        } catch (FsException | RuntimeException | InternalError e) {
            LOG.warn("after rename: {}", e.toString()); // the rename happened: it answers success
        }
    }

    // ---- helpers ----

    /** The node if it may carry a vector (a regular file on the backing filesystem), else {@code errno}. */
    private BackingNode vectorNode(long ino, int errno) throws FsException {
        BackingNode node = nodes.node(ino);
        if (!isRegular(node)) throw new FsException(errno, "only regular files carry vectors");
        if (node.dev() != vectors.rootDev) {
            throw new FsException(Errno.ENOTSUP, "file is on another filesystem than the backing root");
        }
        return node;
    }

    private static boolean isRegular(BackingNode n) {
        return n.isRegular();
    }

    private static void replyValue(byte[] value, long size, ReplyXattr reply) throws FsException {
        if (size == 0) reply.size(value.length);
        else if (size < value.length) throw new FsException(Errno.ERANGE);
        else reply.data(value);
    }

    private static byte[] noData() throws FsException {
        throw new FsException(Errno.ENODATA);
    }

    private static final byte[] VEC_SUFFIX = ascii(".vec");

    private static boolean endsWith(byte[] p, byte[] suffix) {
        return p.length >= suffix.length && java.util.Arrays.equals(p, p.length - suffix.length, p.length, suffix, 0, suffix.length);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
