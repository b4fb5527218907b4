package vexfs.store;

/**
 * What a record's vector stands for (docs/format.md, record bytes [32, 56)): a file's one vector ({@link #PLAIN}), one
 * chunk of a long document ({@link #CHUNK}, with the byte range of the text it was made from), or the whole-file vector
 * of a document that also has chunks ({@link #WHOLE}: the mean of its chunks, answered by {@code similar/} but not
 * ranked by search, where the chunks stand for the file). Records written before the tag existed read as PLAIN
 * (the bytes were zero). Read from a mapped file, so untrusted: an unknown kind or an inverted range reads as PLAIN /
 * no range ({@link #of}).
 *
 * @param start first byte of the text range (inclusive), or 0
 * @param end   end of the text range (exclusive); 0 = no range
 */
public record RecordTag(int kind, long start, long end) {
    public static final int KIND_PLAIN = 0, KIND_CHUNK = 1, KIND_WHOLE = 2;
    public static final RecordTag PLAIN = new RecordTag(KIND_PLAIN, 0, 0);

    public RecordTag {
        if (kind < KIND_PLAIN || kind > KIND_WHOLE) throw new IllegalArgumentException("record kind " + kind);
        if (start < 0 || end < start) throw new IllegalArgumentException("text range " + start + "-" + end);
    }

    /** A kind as read from a record: anything unknown is PLAIN. */
    static int knownKind(int kind) {
        return kind >= KIND_PLAIN && kind <= KIND_WHOLE ? kind : KIND_PLAIN;
    }

    /** The tag as read from a record: anything out of range is taken as no tag. */
    static RecordTag of(int kind, long start, long end) {
        kind = knownKind(kind);
        boolean ranged = start >= 0 && end > start;
        return kind == KIND_PLAIN && !ranged ? PLAIN : new RecordTag(kind, ranged ? start : 0, ranged ? end : 0);
    }

    public static RecordTag chunk(long start, long end) {
        return new RecordTag(KIND_CHUNK, start, end);
    }

    /** True if the record carries a text range. */
    public boolean ranged() {
        return end > start;
    }
}
