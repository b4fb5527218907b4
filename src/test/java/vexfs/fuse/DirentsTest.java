package vexfs.fuse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import org.junit.jupiter.api.Test;

import vexfs.bindings.fuse_lowlevel_h;
import vexfs.bindings.stat;
import vexfs.libc.Attr;

/** Our readdir entries are byte for byte what libfuse's fuse_add_direntry writes. */
class DirentsTest {
    @Test
    void sameBytesAsLibfuse() {
        int[] types = {Attr.S_IFREG, Attr.S_IFDIR, Attr.S_IFLNK, 0010000, 0140000, 0020000};
        try (Arena a = Arena.ofConfined()) {
            for (int len = 0; len <= 255; len += (len < 20 ? 1 : 47)) {
                byte[] name = new byte[len];
                for (int i = 0; i < len; i++) name[i] = (byte) (i % 2 == 0 ? 0xff - i : 'a' + i % 26);
                int mode = types[len % types.length] | 0644;
                long ino = 0x1234_5678_9abcL * (len + 1);
                long off = Long.MAX_VALUE - len;
                MemorySegment theirs = a.allocate(512).fill((byte) 0x55);
                MemorySegment ours = a.allocate(512).fill((byte) 0x55);
                MemorySegment st = stat.allocate(a).fill((byte) 0);
                stat.st_ino(st, ino);
                stat.st_mode(st, mode);
                MemorySegment cname = vexfs.libc.CStructs.cString(a, name);
                long n = fuse_lowlevel_h.fuse_add_direntry(MemorySegment.NULL, theirs, 512, cname, st, off);
                assertEquals(n, Dirents.size(len), "size for name length " + len);
                assertEquals(n, Dirents.put(ours, 0, name, ino, mode, off));
                assertArrayEquals(theirs.toArray(ValueLayout.JAVA_BYTE), ours.toArray(ValueLayout.JAVA_BYTE),
                        "name length " + len);
                assertEquals(n, ReplyDirectory.direntSize(len, false));
            }
        }
    }
}
