package vexfs.fuse;

import vexfs.libc.StatFs;


/** Reply to statfs. */
public final class ReplyStatfs extends Reply {
    ReplyStatfs(ReplySink sink, long req, Completion completion) {
        super(sink, req, completion);
    }

    public void statfs(StatFs s) {
        send(() -> sink.statfs(req, s));
    }
}
