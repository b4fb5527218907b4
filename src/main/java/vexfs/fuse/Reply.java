package vexfs.fuse;

import java.util.concurrent.atomic.AtomicBoolean;

import vexfs.libc.Errno;

/**
 * One request's reply: it can be sent exactly once. A second send throws IllegalStateException; a request the
 * handler leaves unanswered is answered EIO by the dispatcher, and one still open at unmount by the session.
 */
public abstract sealed class Reply permits ReplyEntry, ReplyCreate, ReplyAttr, ReplyOpen, ReplyData, ReplyWrite,
        ReplyEmpty, ReplyDirectory, ReplyXattr, ReplyStatfs, ReplyLseek, ReplyLock, ReplyReadlink, ReplyBmap {
    final ReplySink sink;
    final long req;
    private final AtomicBoolean sent = new AtomicBoolean();
    private final Completion completion;

    /** Told once when the reply has gone out (in-flight accounting, latency statistics). */
    interface Completion {
        void completed(Reply reply, int errno);
    }

    Reply(ReplySink sink, long req, Completion completion) {
        this.sink = sink;
        this.req = req;
        this.completion = completion;
    }

    /** Replies with an error number (positive errno, e.g. {@link Errno#ENOENT}). */
    public final void error(int errno) {
        claim();
        try {
            sink.err(req, errno);
        } finally {
            done(errno);
        }
    }

    /**
     * Whether the caller gave up on this request (a signal: the kernel sent FUSE_INTERRUPT). A handler that waits
     * (a blocking lock) polls this and answers EINTR; until it answers, the calling process cannot even die.
     */
    public final boolean isInterrupted() {
        return !sent.get() && sink.interrupted(req);
    }

    public final boolean isSent() {
        return sent.get();
    }

    /** Marks the reply sent; throws if it already was. Every send path calls this first. */
    final void claim() {
        if (!sent.compareAndSet(false, true)) {
            throw new IllegalStateException("reply already sent for request " + Long.toHexString(req));
        }
    }

    /**
     * Claims the reply, runs the native send, and accounts for it even if the send throws. A sink throws only
     * while building its reply, before its {@code fuse_reply_*} call (allocation, a class that fails to load when
     * the process is out of descriptors); what follows the call cannot throw ({@code NativeReplySink.check}). So a
     * throw means the request is still open: it is answered EIO, or the caller would wait for it forever.
     */
    final void send(Runnable nativeSend) {
        claim();
        int errno = 0;
        try {
            nativeSend.run();
        } catch (RuntimeException | Error e) {
            errno = Errno.EIO;
            try {
                sink.err(req, Errno.EIO);
            } catch (RuntimeException | Error again) {
                e.addSuppressed(again);
            }
            throw e;
        } finally {
            done(errno);
        }
    }

    final void done(int errno) {
        if (completion != null) completion.completed(this, errno);
    }

    /** Sends EIO if nothing was sent yet; returns whether it did. */
    final boolean failIfUnsent() {
        if (!sent.compareAndSet(false, true)) return false;
        try {
            sink.err(req, Errno.EIO);
        } finally {
            done(Errno.EIO);
        }
        return true;
    }
}
