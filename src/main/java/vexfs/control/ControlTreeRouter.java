package vexfs.control;

import vexfs.fuse.ConnectionInfo;
import vexfs.fuse.FileInfo;
import vexfs.fuse.ForwardingFilesystem;
import vexfs.fuse.FuseFilesystem;
import vexfs.fuse.Op;
import vexfs.fuse.ReplyAttr;
import vexfs.fuse.ReplyBmap;
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
import vexfs.libc.Errno;
import vexfs.libc.FsException;
import vexfs.libc.Lock;
import vexfs.libc.Name;

/**
 * Sends requests on /.vexfs nodes to {@link ControlFs} and everything else to the real filesystem. The control
 * tree is read-only apart from writes to search and control: any change to its structure is EPERM.
 */
public final class ControlTreeRouter extends ForwardingFilesystem {
    private final ControlFs control;

    /** Decorates {@code fs} (the vector layer) with the control tree. */
    public ControlTreeRouter(FuseFilesystem fs, ControlFs control) {
        super(fs);
        this.control = control;
    }

    private static boolean ctl(long ino) {
        return ControlFs.owns(ino);
    }

    private static FsException readOnlyTree() {
        return new FsException(Errno.EPERM, "the /.vexfs tree cannot be changed");
    }

    @Override
    public Op.Lane laneFor(Op op, long ino) {
        return ctl(ino) ? control.laneFor(op, ino) : next.laneFor(op, ino);
    }

    @Override
    public void lookup(Request req, long parent, Name name, ReplyEntry reply) throws FsException {
        if (ctl(parent) || ControlFs.isEntryPoint(parent, name)) control.lookup(req, parent, name, reply);
        else next.lookup(req, parent, name, reply);
    }

    @Override
    public void forget(long ino, long nlookup) {
        if (ctl(ino)) control.forget(ino, nlookup);
        else next.forget(ino, nlookup);
    }

    @Override
    public void getattr(Request req, long ino, FileInfo fi, ReplyAttr reply) throws FsException {
        if (ctl(ino)) control.getattr(ino, reply);
        else next.getattr(req, ino, fi, reply);
    }

    @Override
    public void setattr(Request req, long ino, SetAttr attr, FileInfo fi, ReplyAttr reply) throws FsException {
        if (!ctl(ino)) {
            next.setattr(req, ino, attr, fi, reply);
        } else if (attr.valid() == SetAttr.SIZE && attr.size() == 0) {
            control.getattr(ino, reply);  // O_TRUNC of a control file (shell '>'): nothing to truncate
        } else {
            throw readOnlyTree();
        }
    }

    @Override
    public void readlink(Request req, long ino, ReplyReadlink reply) throws FsException {
        if (ctl(ino)) control.readlink(ino, reply);
        else next.readlink(req, ino, reply);
    }

    @Override
    public void mknod(Request req, long parent, Name name, int mode, long rdev, ReplyEntry reply) throws FsException {
        if (ctl(parent) || ControlFs.isEntryPoint(parent, name)) throw readOnlyTree();
        next.mknod(req, parent, name, mode, rdev, reply);
    }

    @Override
    public void mkdir(Request req, long parent, Name name, int mode, ReplyEntry reply) throws FsException {
        if (ctl(parent) || ControlFs.isEntryPoint(parent, name)) throw readOnlyTree();
        next.mkdir(req, parent, name, mode, reply);
    }

    @Override
    public void unlink(Request req, long parent, Name name, ReplyEmpty reply) throws FsException {
        if (ctl(parent) || ControlFs.isEntryPoint(parent, name)) throw readOnlyTree();
        next.unlink(req, parent, name, reply);
    }

    @Override
    public void rmdir(Request req, long parent, Name name, ReplyEmpty reply) throws FsException {
        if (ctl(parent) || ControlFs.isEntryPoint(parent, name)) throw readOnlyTree();
        next.rmdir(req, parent, name, reply);
    }

    @Override
    public void symlink(Request req, byte[] target, long parent, Name name, ReplyEntry reply) throws FsException {
        if (ctl(parent) || ControlFs.isEntryPoint(parent, name)) throw readOnlyTree();
        next.symlink(req, target, parent, name, reply);
    }

    @Override
    public void rename(Request req, long parent, Name name, long newParent, Name newName, int flags, ReplyEmpty reply)
            throws FsException {
        if (ctl(parent) || ctl(newParent) || ControlFs.isEntryPoint(parent, name)
                || ControlFs.isEntryPoint(newParent, newName)) {
            throw readOnlyTree();
        }
        next.rename(req, parent, name, newParent, newName, flags, reply);
    }

    @Override
    public void link(Request req, long ino, long newParent, Name newName, ReplyEntry reply) throws FsException {
        if (ctl(ino) || ctl(newParent) || ControlFs.isEntryPoint(newParent, newName)) throw readOnlyTree();
        next.link(req, ino, newParent, newName, reply);
    }

    @Override
    public void open(Request req, long ino, FileInfo fi, ReplyOpen reply) throws FsException {
        if (ctl(ino)) control.open(req, ino, fi, reply);
        else next.open(req, ino, fi, reply);
    }

    @Override
    public void read(Request req, long ino, long size, long offset, FileInfo fi, ReplyData reply) throws FsException {
        if (ctl(ino)) control.read(req, ino, size, offset, fi, reply);
        else next.read(req, ino, size, offset, fi, reply);
    }

    @Override
    public void write(Request req, long ino, WriteData data, long offset, FileInfo fi, ReplyWrite reply)
            throws FsException {
        if (ctl(ino)) control.write(req, ino, data, fi, reply);
        else next.write(req, ino, data, offset, fi, reply);
    }

    @Override
    public void flush(Request req, long ino, FileInfo fi, ReplyEmpty reply) throws FsException {
        if (ctl(ino)) reply.ok();
        else next.flush(req, ino, fi, reply);
    }

    @Override
    public void release(Request req, long ino, FileInfo fi, ReplyEmpty reply) throws FsException {
        if (ctl(ino)) control.release(fi, reply);
        else next.release(req, ino, fi, reply);
    }

    @Override
    public void fsync(Request req, long ino, boolean datasync, FileInfo fi, ReplyEmpty reply) throws FsException {
        if (ctl(ino)) reply.ok();
        else next.fsync(req, ino, datasync, fi, reply);
    }

    @Override
    public void opendir(Request req, long ino, FileInfo fi, ReplyOpen reply) throws FsException {
        if (ctl(ino)) reply.opened(0, vexfs.fuse.OpenOptions.DEFAULT);
        else next.opendir(req, ino, fi, reply);
    }

    @Override
    public void readdir(Request req, long ino, long size, long offset, FileInfo fi, ReplyDirectory reply)
            throws FsException {
        if (ctl(ino)) control.readdir(req, ino, offset, reply);
        else next.readdir(req, ino, size, offset, fi, reply);
    }

    @Override
    public void releasedir(Request req, long ino, FileInfo fi, ReplyEmpty reply) throws FsException {
        if (ctl(ino)) reply.ok();
        else next.releasedir(req, ino, fi, reply);
    }

    @Override
    public void fsyncdir(Request req, long ino, boolean datasync, FileInfo fi, ReplyEmpty reply) throws FsException {
        if (ctl(ino)) reply.ok();
        else next.fsyncdir(req, ino, datasync, fi, reply);
    }

    @Override
    public void setxattr(Request req, long ino, Name name, byte[] value, int flags, ReplyEmpty reply)
            throws FsException {
        if (ctl(ino)) throw readOnlyTree();
        next.setxattr(req, ino, name, value, flags, reply);
    }

    @Override
    public void getxattr(Request req, long ino, Name name, long size, ReplyXattr reply) throws FsException {
        if (ctl(ino)) throw new FsException(Errno.ENODATA);
        next.getxattr(req, ino, name, size, reply);
    }

    @Override
    public void listxattr(Request req, long ino, long size, ReplyXattr reply) throws FsException {
        if (ctl(ino)) {
            // no attributes: the size query says 0, a query with a buffer gets an empty list (not a size reply,
            // which the kernel would take as a malformed answer: EIO)
            if (size == 0) reply.size(0);
            else reply.data(new byte[0]);
        } else {
            next.listxattr(req, ino, size, reply);
        }
    }

    @Override
    public void removexattr(Request req, long ino, Name name, ReplyEmpty reply) throws FsException {
        if (ctl(ino)) throw readOnlyTree();
        next.removexattr(req, ino, name, reply);
    }

    @Override
    public void access(Request req, long ino, int mask, ReplyEmpty reply) throws FsException {
        if (ctl(ino)) reply.ok();
        else next.access(req, ino, mask, reply);
    }

    @Override
    public void create(Request req, long parent, Name name, int mode, FileInfo fi, ReplyCreate reply)
            throws FsException {
        if (ctl(parent) || ControlFs.isEntryPoint(parent, name)) throw readOnlyTree();
        next.create(req, parent, name, mode, fi, reply);
    }

    @Override
    public void getlk(Request req, long ino, FileInfo fi, Lock lock, ReplyLock reply) throws FsException {
        if (ctl(ino)) throw new FsException(Errno.ENOLCK);
        next.getlk(req, ino, fi, lock, reply);
    }

    @Override
    public void setlk(Request req, long ino, FileInfo fi, Lock lock, boolean sleep, ReplyEmpty reply)
            throws FsException {
        if (ctl(ino)) throw new FsException(Errno.ENOLCK);
        next.setlk(req, ino, fi, lock, sleep, reply);
    }

    @Override
    public void flock(Request req, long ino, FileInfo fi, int op, ReplyEmpty reply) throws FsException {
        if (ctl(ino)) throw new FsException(Errno.ENOLCK);
        next.flock(req, ino, fi, op, reply);
    }

    @Override
    public void fallocate(Request req, long ino, int mode, long offset, long length, FileInfo fi, ReplyEmpty reply)
            throws FsException {
        if (ctl(ino)) throw readOnlyTree();
        next.fallocate(req, ino, mode, offset, length, fi, reply);
    }

    @Override
    public void copyFileRange(Request req, long inoIn, long offIn, FileInfo fiIn, long inoOut, long offOut,
                              FileInfo fiOut, long len, int flags, ReplyWrite reply) throws FsException {
        if (ctl(inoIn) || ctl(inoOut)) throw new FsException(Errno.EXDEV);
        next.copyFileRange(req, inoIn, offIn, fiIn, inoOut, offOut, fiOut, len, flags, reply);
    }

    @Override
    public void lseek(Request req, long ino, long offset, int whence, FileInfo fi, ReplyLseek reply)
            throws FsException {
        if (ctl(ino)) reply.offset(offset);
        else next.lseek(req, ino, offset, whence, fi, reply);
    }

    @Override
    public void bmap(Request req, long ino, long blocksize, long idx, ReplyBmap reply) throws FsException {
        if (ctl(ino)) throw new FsException(Errno.EINVAL);
        next.bmap(req, ino, blocksize, idx, reply);
    }
}
