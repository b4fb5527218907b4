package vexfs.fuse;

import vexfs.libc.Lock;


/** Reply to getlk: the conflicting lock, or one of type F_UNLCK. */
public final class ReplyLock extends Reply {
    ReplyLock(ReplySink sink, long req, Completion completion) {
        super(sink, req, completion);
    }

    public void lock(Lock lock) {
        send(() -> sink.lock(req, lock));
    }
}
