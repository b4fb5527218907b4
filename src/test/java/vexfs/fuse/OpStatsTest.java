package vexfs.fuse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import vexfs.libc.Errno;

class OpStatsTest {
    @Test
    void ordinaryNoAnswersAreNotErrors() {
        OpStats s = new OpStats();
        s.record(Op.LOOKUP, 1000, Errno.ENOENT);   // a PATH search
        s.record(Op.LOOKUP, 1000, Errno.EACCES);   // a failure
        s.record(Op.GETXATTR, 1000, Errno.ENODATA); // cp -a asking for an attribute the file lacks
        s.record(Op.GETXATTR, 1000, Errno.EIO);
        s.record(Op.WRITE, 1000, Errno.ENOSPC);
        s.record(Op.WRITE, 1000, 0);
        assertEquals(2, s.snapshot().get(Op.LOOKUP).count());
        assertEquals(1, s.snapshot().get(Op.LOOKUP).errors());
        assertEquals(1, s.snapshot().get(Op.LOOKUP).negatives(), "the ENOENT is counted apart");
        assertEquals(1, s.snapshot().get(Op.GETXATTR).errors());
        assertEquals(2, s.snapshot().get(Op.WRITE).count());
        assertEquals(1, s.snapshot().get(Op.WRITE).errors());
    }
}
