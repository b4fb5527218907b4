package vexfs.fuse;

import java.util.ArrayList;
import java.util.List;

import vexfs.libc.DirBatch;
import vexfs.libc.Name;

/**
 * Reply to readdir/readdirplus. {@link #add} returns true when the entry did NOT fit (the buffer is full):
 * the caller stops and, for readdirplus, must undo the lookup reference it took for that entry. Sizes follow
 * the kernel ABI: a fuse_dirent is 24 bytes + name, a fuse_direntplus adds a 128-byte fuse_entry_out, both
 * padded to 8 bytes (exactly what fuse_add_direntry[_plus] write).
 */
public final class ReplyDirectory extends Reply {
    /**
     * One directory entry; {@code entry} is non-null for readdirplus. An entry added from a {@link DirBatch} has
     * no {@code name}: it is copied from {@code batch} at {@code index} when the reply is written.
     */
    record Entry(Name name, long ino, int type, long nextOffset, EntryParam entry, DirBatch batch, int index) {
        Entry(Name name, long ino, int type, long nextOffset, EntryParam entry) {
            this(name, ino, type, nextOffset, entry, null, -1);
        }

        int nameLength() {
            return name != null ? name.length() : batch.nameLength(index);
        }
    }

    private final long maxSize;
    private final boolean plus;
    private final List<Entry> entries = new ArrayList<>();
    private long used;

    ReplyDirectory(ReplySink sink, long req, Completion completion, long maxSize, boolean plus) {
        super(sink, req, completion);
        this.maxSize = maxSize;
        this.plus = plus;
    }

    public boolean isPlus() {
        return plus;
    }

    static long direntSize(int nameLength, boolean plus) {
        long raw = (plus ? 128 : 0) + 24 + nameLength;
        return (raw + 7) & ~7L;
    }

    /**
     * Adds an entry for readdir ({@code mode} carries the S_IFMT type bits). Returns true if it did not fit.
     */
    public boolean add(Name name, long ino, int mode, long nextOffset) {
        return add(new Entry(name, ino, mode, nextOffset, null));
    }

    /** Adds an entry for readdirplus. Returns true if it did not fit. */
    public boolean addPlus(Name name, EntryParam e, long nextOffset) {
        return add(new Entry(name, e.ino(), e.attr() == null ? 0 : e.attr().mode(), nextOffset, e));
    }

    /** Adds entry {@code i} of a getdents batch for readdir (not plus). Returns true if it did not fit. */
    public boolean add(DirBatch b, int i) {
        if (plus) throw new IllegalStateException("readdirplus entries need addPlus");
        return add(new Entry(null, b.ino(i), b.type(i) << 12, b.nextOffset(i), null, b, i));
    }

    private boolean add(Entry e) {
        long size = direntSize(e.nameLength(), plus);
        if (used + size > maxSize) return true;
        used += size;
        entries.add(e);
        return false;
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Sends what was added (possibly nothing: end of directory). */
    public void send() {
        send(() -> sink.directory(req, maxSize, plus, entries));
    }
}
