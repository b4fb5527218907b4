package vexfs.libc;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.ValueLayout;

import vexfs.bindings.stat;
import vexfs.bindings.timespec;

/** Conversions between libc structs (stat, C strings) and their plain-Java values; the fuse package uses them too. */
@SuppressWarnings("restricted") // raw FFM (linking, upcall stubs, reinterpret) is what this class is for
public final class CStructs {
    private CStructs() {}

    public static void writeStat(MemorySegment st, Attr a) {
        stat.st_ino(st, a.ino());
        stat.st_mode(st, a.mode());
        stat.st_nlink(st, a.nlink());
        stat.st_uid(st, a.uid());
        stat.st_gid(st, a.gid());
        stat.st_rdev(st, a.rdev());
        stat.st_size(st, a.size());
        stat.st_blksize(st, a.blksize());
        stat.st_blocks(st, a.blocks());
        writeTime(stat.st_atim(st), a.atimeSec(), a.atimeNsec());
        writeTime(stat.st_mtim(st), a.mtimeSec(), a.mtimeNsec());
        writeTime(stat.st_ctim(st), a.ctimeSec(), a.ctimeNsec());
    }

    private static void writeTime(MemorySegment ts, long sec, long nsec) {
        timespec.tv_sec(ts, sec);
        timespec.tv_nsec(ts, nsec);
    }

    public static Attr readStat(MemorySegment st) {
        MemorySegment at = stat.st_atim(st);
        MemorySegment mt = stat.st_mtim(st);
        MemorySegment ct = stat.st_ctim(st);
        return new Attr(stat.st_dev(st), stat.st_ino(st), stat.st_mode(st), stat.st_nlink(st), stat.st_uid(st), stat.st_gid(st),
                stat.st_rdev(st), stat.st_size(st), stat.st_blksize(st), stat.st_blocks(st),
                timespec.tv_sec(at), timespec.tv_nsec(at), timespec.tv_sec(mt), timespec.tv_nsec(mt),
                timespec.tv_sec(ct), timespec.tv_nsec(ct));
    }

    /** The NUL-terminated bytes at {@code p}, copied. */
    public static byte[] cString(MemorySegment p) {
        MemorySegment s = p.reinterpret(Long.MAX_VALUE);
        long n = 0;
        while (s.get(ValueLayout.JAVA_BYTE, n) != 0) n++;
        return s.asSlice(0, n).toArray(ValueLayout.JAVA_BYTE);
    }

    public static MemorySegment cString(SegmentAllocator a, byte[] bytes) {
        MemorySegment s = a.allocate(bytes.length + 1L);
        MemorySegment.copy(bytes, 0, s, ValueLayout.JAVA_BYTE, 0, bytes.length);
        s.set(ValueLayout.JAVA_BYTE, bytes.length, (byte) 0);
        return s;
    }
}
