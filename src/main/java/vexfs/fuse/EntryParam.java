package vexfs.fuse;

import vexfs.libc.Attr;


/** struct fuse_entry_param: a node id the kernel will remember (one lookup reference), its attributes, timeouts. */
public record EntryParam(long ino, long generation, Attr attr, double attrTimeout, double entryTimeout) {
    /** A negative entry: the kernel caches "does not exist" for {@code entryTimeout} seconds. */
    public static EntryParam negative(double entryTimeout) {
        return new EntryParam(0, 0, null, 0, entryTimeout);
    }
}
