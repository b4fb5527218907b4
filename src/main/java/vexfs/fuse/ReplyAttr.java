package vexfs.fuse;

import vexfs.libc.Attr;


/** Reply to getattr and setattr. */
public final class ReplyAttr extends Reply {
    ReplyAttr(ReplySink sink, long req, Completion completion) {
        super(sink, req, completion);
    }

    public void attr(Attr attr, double timeout) {
        send(() -> sink.attr(req, attr, timeout));
    }
}
