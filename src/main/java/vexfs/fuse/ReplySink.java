package vexfs.fuse;

import java.util.List;

import vexfs.libc.Attr;
import vexfs.libc.Lock;
import vexfs.libc.StatFs;

/**
 * Where replies go: {@link NativeReplySink} calls libfuse's fuse_reply_*; tests substitute a recorder (in the
 * spirit of fuser's AssertSender) so dispatch can be tested without /dev/fuse. {@code req} is the address of
 * libfuse's fuse_req_t.
 */
interface ReplySink {
    void err(long req, int errno);

    void none(long req);

    void entry(long req, EntryParam e);

    void create(long req, EntryParam e, long fh, OpenOptions options);

    void attr(long req, Attr attr, double timeout);

    void readlink(long req, byte[] target);

    void open(long req, long ino, long fh, OpenOptions options);

    void write(long req, long count);

    void buf(long req, byte[] data, int offset, int length);

    /** Data read by libfuse itself from {@code fd} at {@code offset} (pread or splice): no copy through Java. */
    void dataFromFd(long req, int fd, long offset, long size);

    void statfs(long req, StatFs s);

    void xattrSize(long req, long size);

    void lock(long req, Lock lock);

    void bmap(long req, long idx);

    void lseek(long req, long offset);

    void directory(long req, long maxSize, boolean plus, List<ReplyDirectory.Entry> entries);

    /** Whether the kernel sent FUSE_INTERRUPT for this (still unanswered) request. */
    default boolean interrupted(long req) {
        return false;
    }
}
