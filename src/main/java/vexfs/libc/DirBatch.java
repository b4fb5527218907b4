package vexfs.libc;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

import vexfs.bindings.dirent64;

/**
 * The records of one getdents64 call, copied to the heap in one piece and decoded on demand: a directory listing
 * of thousands of names costs one array, not a few objects per name. Entry {@code i} is read with
 * {@link #ino}, {@link #nextOffset} (the d_off cookie of the entry after it), {@link #type} (d_type) and
 * {@link #name}; readdir replies copy names straight from here ({@code ReplyDirectory#add(DirBatch, int)}).
 */
public final class DirBatch {
    static final DirBatch EMPTY = new DirBatch(new byte[0], new int[0], 0);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.nativeOrder());
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.nativeOrder());
    private static final int INO = (int) dirent64.d_ino$offset();
    private static final int OFF = (int) dirent64.d_off$offset();
    private static final int RECLEN = (int) dirent64.d_reclen$offset();
    private static final int TYPE = (int) dirent64.d_type$offset();
    private static final int NAME = (int) dirent64.d_name$offset();

    private final byte[] raw;
    /** Start of each record in {@code raw}, then the name lengths (2 * count ints). */
    private final int[] index;
    private final int count;

    private DirBatch(byte[] raw, int[] index, int count) {
        this.raw = raw;
        this.index = index;
        this.count = count;
    }

    /** Decodes {@code length} bytes of getdents64 output. */
    static DirBatch of(byte[] raw, int length) {
        int[] index = new int[Math.max(2, length / 12)];
        int n = 0;
        int pos = 0;
        while (pos < length) {
            int reclen = Short.toUnsignedInt((short) SHORT.get(raw, pos + RECLEN));
            int len = 0;
            while (NAME + len < reclen && raw[pos + NAME + len] != 0) len++;
            if (2 * n + 2 > index.length) index = Arrays.copyOf(index, index.length * 2);
            index[2 * n] = pos;
            index[2 * n + 1] = len;
            n++;
            pos += reclen;
        }
        return new DirBatch(raw, index, n);
    }

    public int size() {
        return count;
    }

    public boolean isEmpty() {
        return count == 0;
    }

    public long ino(int i) {
        return (long) LONG.get(raw, index[2 * check(i)] + INO);
    }

    public long nextOffset(int i) {
        return (long) LONG.get(raw, index[2 * check(i)] + OFF);
    }

    /** d_type (DT_REG, DT_DIR, ...: the S_IFMT bits shifted right by 12). */
    public int type(int i) {
        return raw[index[2 * check(i)] + TYPE] & 0xff;
    }

    public int nameLength(int i) {
        return index[2 * check(i) + 1];
    }

    /** The name of entry {@code i} (a new object: use {@link #nameIs} to compare). */
    public Name name(int i) {
        int start = nameStart(i);
        return Name.wrap(Arrays.copyOfRange(raw, start, start + nameLength(i)));
    }

    public boolean nameIs(int i, Name n) {
        int start = nameStart(i);
        return Arrays.equals(raw, start, start + nameLength(i), n.raw(), 0, n.length());
    }

    public boolean isDotOrDotDot(int i) {
        int len = nameLength(i);
        int s = nameStart(i);
        return (len == 1 && raw[s] == '.') || (len == 2 && raw[s] == '.' && raw[s + 1] == '.');
    }

    public int nameStart(int i) {
        return index[2 * check(i)] + NAME;
    }

    public byte[] raw() {
        return raw;
    }

    private int check(int i) {
        if (i < 0 || i >= count) throw new IndexOutOfBoundsException(i);
        return i;
    }
}
