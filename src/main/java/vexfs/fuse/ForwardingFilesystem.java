package vexfs.fuse;

import vexfs.libc.Errno;
import vexfs.libc.FsException;
import vexfs.libc.Lock;
import vexfs.libc.Name;
import vexfs.libc.StatFs;

/**
 * A filesystem that forwards every operation to {@code next} (jfuse's FuseOperationsDecorator): a layer overrides
 * only what it adds to and calls {@code next} for the rest, so layers stack (the control tree over the vector layer
 * over the passthrough) without inheriting each other's state. Every operation of {@link FuseFilesystem} is
 * forwarded here, {@code laneFor} included; ForwardingFilesystemTest checks that none is missed.
 */
public abstract class ForwardingFilesystem implements FuseFilesystem {
    protected final FuseFilesystem next;

    protected ForwardingFilesystem(FuseFilesystem next) {
        this.next = java.util.Objects.requireNonNull(next);
    }

    @Override
    public void init(ConnectionInfo conn) {
        next.init(conn);
    }

    @Override
    public Op.Lane laneFor(Op op, long ino) {
        return next.laneFor(op, ino);
    }

    @Override
    public void destroy() {
        next.destroy();
    }

    @Override
    public void lookup(Request req, long parent, Name name, ReplyEntry reply) throws FsException {
        next.lookup(req, parent, name, reply);
    }

    @Override
    public void forget(long ino, long nlookup) {
        next.forget(ino, nlookup);
    }

    @Override
    public void getattr(Request req, long ino, FileInfo fi, ReplyAttr reply) throws FsException {
        next.getattr(req, ino, fi, reply);
    }

    @Override
    public void setattr(Request req, long ino, SetAttr attr, FileInfo fi, ReplyAttr reply) throws FsException {
        next.setattr(req, ino, attr, fi, reply);
    }

    @Override
    public void readlink(Request req, long ino, ReplyReadlink reply) throws FsException {
        next.readlink(req, ino, reply);
    }

    @Override
    public void mknod(Request req, long parent, Name name, int mode, long rdev, ReplyEntry reply) throws FsException {
        next.mknod(req, parent, name, mode, rdev, reply);
    }

    @Override
    public void mkdir(Request req, long parent, Name name, int mode, ReplyEntry reply) throws FsException {
        next.mkdir(req, parent, name, mode, reply);
    }

    @Override
    public void unlink(Request req, long parent, Name name, ReplyEmpty reply) throws FsException {
        next.unlink(req, parent, name, reply);
    }

    @Override
    public void rmdir(Request req, long parent, Name name, ReplyEmpty reply) throws FsException {
        next.rmdir(req, parent, name, reply);
    }

    @Override
    public void symlink(Request req, byte[] target, long parent, Name name, ReplyEntry reply) throws FsException {
        next.symlink(req, target, parent, name, reply);
    }

    @Override
    public void rename(Request req, long parent, Name name, long newParent, Name newName, int flags, ReplyEmpty reply) throws FsException {
        next.rename(req, parent, name, newParent, newName, flags, reply);
    }

    @Override
    public void link(Request req, long ino, long newParent, Name newName, ReplyEntry reply) throws FsException {
        next.link(req, ino, newParent, newName, reply);
    }

    @Override
    public void open(Request req, long ino, FileInfo fi, ReplyOpen reply) throws FsException {
        next.open(req, ino, fi, reply);
    }

    @Override
    public void read(Request req, long ino, long size, long offset, FileInfo fi, ReplyData reply) throws FsException {
        next.read(req, ino, size, offset, fi, reply);
    }

    @Override
    public void write(Request req, long ino, WriteData data, long offset, FileInfo fi, ReplyWrite reply) throws FsException {
        next.write(req, ino, data, offset, fi, reply);
    }

    @Override
    public void flush(Request req, long ino, FileInfo fi, ReplyEmpty reply) throws FsException {
        next.flush(req, ino, fi, reply);
    }

    @Override
    public void release(Request req, long ino, FileInfo fi, ReplyEmpty reply) throws FsException {
        next.release(req, ino, fi, reply);
    }

    @Override
    public void fsync(Request req, long ino, boolean datasync, FileInfo fi, ReplyEmpty reply) throws FsException {
        next.fsync(req, ino, datasync, fi, reply);
    }

    @Override
    public void opendir(Request req, long ino, FileInfo fi, ReplyOpen reply) throws FsException {
        next.opendir(req, ino, fi, reply);
    }

    @Override
    public void readdir(Request req, long ino, long size, long offset, FileInfo fi, ReplyDirectory reply) throws FsException {
        next.readdir(req, ino, size, offset, fi, reply);
    }

    @Override
    public void releasedir(Request req, long ino, FileInfo fi, ReplyEmpty reply) throws FsException {
        next.releasedir(req, ino, fi, reply);
    }

    @Override
    public void fsyncdir(Request req, long ino, boolean datasync, FileInfo fi, ReplyEmpty reply) throws FsException {
        next.fsyncdir(req, ino, datasync, fi, reply);
    }

    @Override
    public void statfs(Request req, long ino, ReplyStatfs reply) throws FsException {
        next.statfs(req, ino, reply);
    }

    @Override
    public void setxattr(Request req, long ino, Name name, byte[] value, int flags, ReplyEmpty reply) throws FsException {
        next.setxattr(req, ino, name, value, flags, reply);
    }

    @Override
    public void getxattr(Request req, long ino, Name name, long size, ReplyXattr reply) throws FsException {
        next.getxattr(req, ino, name, size, reply);
    }

    @Override
    public void listxattr(Request req, long ino, long size, ReplyXattr reply) throws FsException {
        next.listxattr(req, ino, size, reply);
    }

    @Override
    public void removexattr(Request req, long ino, Name name, ReplyEmpty reply) throws FsException {
        next.removexattr(req, ino, name, reply);
    }

    @Override
    public void access(Request req, long ino, int mask, ReplyEmpty reply) throws FsException {
        next.access(req, ino, mask, reply);
    }

    @Override
    public void create(Request req, long parent, Name name, int mode, FileInfo fi, ReplyCreate reply) throws FsException {
        next.create(req, parent, name, mode, fi, reply);
    }

    @Override
    public void getlk(Request req, long ino, FileInfo fi, Lock lock, ReplyLock reply) throws FsException {
        next.getlk(req, ino, fi, lock, reply);
    }

    @Override
    public void setlk(Request req, long ino, FileInfo fi, Lock lock, boolean sleep, ReplyEmpty reply) throws FsException {
        next.setlk(req, ino, fi, lock, sleep, reply);
    }

    @Override
    public void flock(Request req, long ino, FileInfo fi, int op, ReplyEmpty reply) throws FsException {
        next.flock(req, ino, fi, op, reply);
    }

    @Override
    public void fallocate(Request req, long ino, int mode, long offset, long length, FileInfo fi, ReplyEmpty reply) throws FsException {
        next.fallocate(req, ino, mode, offset, length, fi, reply);
    }

    @Override
    public void copyFileRange(Request req, long inoIn, long offIn, FileInfo fiIn, long inoOut, long offOut, FileInfo fiOut, long len, int flags, ReplyWrite reply) throws FsException {
        next.copyFileRange(req, inoIn, offIn, fiIn, inoOut, offOut, fiOut, len, flags, reply);
    }

    @Override
    public void lseek(Request req, long ino, long offset, int whence, FileInfo fi, ReplyLseek reply) throws FsException {
        next.lseek(req, ino, offset, whence, fi, reply);
    }

    @Override
    public void bmap(Request req, long ino, long blocksize, long idx, ReplyBmap reply) throws FsException {
        next.bmap(req, ino, blocksize, idx, reply);
    }
}
