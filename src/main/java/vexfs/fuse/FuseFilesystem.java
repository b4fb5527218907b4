package vexfs.fuse;

import vexfs.libc.Errno;
import vexfs.libc.FsException;
import vexfs.libc.Lock;
import vexfs.libc.Name;
import vexfs.libc.StatFs;


/**
 * A filesystem served through FUSE's low-level API: one method per operation, plain Java arguments and a typed
 * reply (the shape of Rust fuser's Filesystem trait). Every request must be answered exactly once, before the
 * method returns or later from any thread. Throwing {@link FsException} answers with its errno; any other
 * exception answers EIO and is logged once. Defaults answer ENOSYS, except where a no-op is correct.
 * Node ids are 64-bit; 1 is the root. Methods may be called concurrently.
 */
public interface FuseFilesystem {
    long ROOT_ID = 1;

    default void init(ConnectionInfo conn) {}

    /**
     * The lane to serve {@code op} on node {@code ino} on, or null for the op's default. Lets a filesystem send
     * the few expensive requests of an otherwise cheap op (a search written to a control file) off the reader.
     */
    default Op.Lane laneFor(Op op, long ino) {
        return null;
    }

    default void destroy() {}

    default void lookup(Request req, long parent, Name name, ReplyEntry reply) throws FsException {
        reply.error(Errno.ENOSYS);
    }

    /** The kernel dropped {@code nlookup} references to {@code ino}. No reply. */
    default void forget(long ino, long nlookup) {}

    default void getattr(Request req, long ino, FileInfo fi, ReplyAttr reply) throws FsException {
        reply.error(Errno.ENOSYS);
    }

    default void setattr(Request req, long ino, SetAttr attr, FileInfo fi, ReplyAttr reply) throws FsException {
        reply.error(Errno.ENOSYS);
    }

    default void readlink(Request req, long ino, ReplyReadlink reply) throws FsException {
        reply.error(Errno.ENOSYS);
    }

    default void mknod(Request req, long parent, Name name, int mode, long rdev, ReplyEntry reply) throws FsException {
        reply.error(Errno.ENOSYS);
    }

    default void mkdir(Request req, long parent, Name name, int mode, ReplyEntry reply) throws FsException {
        reply.error(Errno.ENOSYS);
    }

    default void unlink(Request req, long parent, Name name, ReplyEmpty reply) throws FsException {
        reply.error(Errno.ENOSYS);
    }

    default void rmdir(Request req, long parent, Name name, ReplyEmpty reply) throws FsException {
        reply.error(Errno.ENOSYS);
    }

    default void symlink(Request req, byte[] target, long parent, Name name, ReplyEntry reply) throws FsException {
        reply.error(Errno.ENOSYS);
    }

    default void rename(Request req, long parent, Name name, long newParent, Name newName, int flags,
                        ReplyEmpty reply) throws FsException {
        reply.error(Errno.ENOSYS);
    }

    default void link(Request req, long ino, long newParent, Name newName, ReplyEntry reply) throws FsException {
        reply.error(Errno.ENOSYS);
    }

    default void open(Request req, long ino, FileInfo fi, ReplyOpen reply) throws FsException {
        reply.opened(0, OpenOptions.DEFAULT);
    }

    default void read(Request req, long ino, long size, long offset, FileInfo fi, ReplyData reply) throws FsException {
        reply.error(Errno.ENOSYS);
    }

    default void write(Request req, long ino, WriteData data, long offset, FileInfo fi, ReplyWrite reply)
            throws FsException {
        reply.error(Errno.ENOSYS);
    }

    default void flush(Request req, long ino, FileInfo fi, ReplyEmpty reply) throws FsException {
        reply.error(Errno.ENOSYS);
    }

    default void release(Request req, long ino, FileInfo fi, ReplyEmpty reply) throws FsException {
        reply.ok();
    }

    default void fsync(Request req, long ino, boolean datasync, FileInfo fi, ReplyEmpty reply) throws FsException {
        reply.error(Errno.ENOSYS);
    }

    default void opendir(Request req, long ino, FileInfo fi, ReplyOpen reply) throws FsException {
        reply.opened(0, OpenOptions.DEFAULT);
    }

    /** readdir and readdirplus ({@link ReplyDirectory#isPlus()}) both come here. */
    default void readdir(Request req, long ino, long size, long offset, FileInfo fi, ReplyDirectory reply)
            throws FsException {
        reply.error(Errno.ENOSYS);
    }

    default void releasedir(Request req, long ino, FileInfo fi, ReplyEmpty reply) throws FsException {
        reply.ok();
    }

    default void fsyncdir(Request req, long ino, boolean datasync, FileInfo fi, ReplyEmpty reply) throws FsException {
        reply.error(Errno.ENOSYS);
    }

    default void statfs(Request req, long ino, ReplyStatfs reply) throws FsException {
        reply.statfs(new StatFs(512, 512, 0, 0, 0, 0, 0, 0, 0, 0, 255));
    }

    default void setxattr(Request req, long ino, Name name, byte[] value, int flags, ReplyEmpty reply)
            throws FsException {
        reply.error(Errno.ENOSYS);
    }

    /** {@code size == 0} asks for the value's size ({@link ReplyXattr#size}); otherwise reply the data or ERANGE. */
    default void getxattr(Request req, long ino, Name name, long size, ReplyXattr reply) throws FsException {
        reply.error(Errno.ENOSYS);
    }

    default void listxattr(Request req, long ino, long size, ReplyXattr reply) throws FsException {
        reply.error(Errno.ENOSYS);
    }

    default void removexattr(Request req, long ino, Name name, ReplyEmpty reply) throws FsException {
        reply.error(Errno.ENOSYS);
    }

    default void access(Request req, long ino, int mask, ReplyEmpty reply) throws FsException {
        reply.error(Errno.ENOSYS);
    }

    default void create(Request req, long parent, Name name, int mode, FileInfo fi, ReplyCreate reply)
            throws FsException {
        reply.error(Errno.ENOSYS);
    }

    default void getlk(Request req, long ino, FileInfo fi, Lock lock, ReplyLock reply) throws FsException {
        reply.error(Errno.ENOSYS);
    }

    default void setlk(Request req, long ino, FileInfo fi, Lock lock, boolean sleep, ReplyEmpty reply)
            throws FsException {
        reply.error(Errno.ENOSYS);
    }

    default void flock(Request req, long ino, FileInfo fi, int op, ReplyEmpty reply) throws FsException {
        reply.error(Errno.ENOSYS);
    }

    default void fallocate(Request req, long ino, int mode, long offset, long length, FileInfo fi, ReplyEmpty reply)
            throws FsException {
        reply.error(Errno.ENOSYS);
    }

    default void copyFileRange(Request req, long inoIn, long offIn, FileInfo fiIn, long inoOut, long offOut,
                               FileInfo fiOut, long len, int flags, ReplyWrite reply) throws FsException {
        reply.error(Errno.ENOSYS);
    }

    default void lseek(Request req, long ino, long offset, int whence, FileInfo fi, ReplyLseek reply)
            throws FsException {
        reply.error(Errno.ENOSYS);
    }

    default void bmap(Request req, long ino, long blocksize, long idx, ReplyBmap reply) throws FsException {
        reply.error(Errno.ENOSYS);
    }
}
