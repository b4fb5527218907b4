package vexfs.base;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vexfs.libc.Errno;
import vexfs.libc.NativeIo;

/**
 * {@link FileExtension#allocate}: every byte of what is mapped is allocated afterwards (st_blocks, the
 * filesystem's own count), the bytes are kept, and a full disk is an IOException that maps to ENOSPC and leaves the file
 * as it was (on a 1 MiB tmpfs the test mounts under its temp dir, as root).
 */
class FileExtensionTest {
    @TempDir
    Path dir;

    @Test
    void fillsHolesAndExtendsWithoutHoles() throws Exception {
        Path f = dir.resolve("sparse");
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(new byte[] {42}), 500_000); // a hole before, none of it allocated
            assertTrue(allocatedBytes(f) < 100_000, "sparse: " + allocatedBytes(f));
            FileExtension.allocate(f, ch, 3 << 20);
            assertEquals(3 << 20, ch.size());
            assertTrue(allocatedBytes(f) >= 3 << 20, "every byte allocated: " + allocatedBytes(f));
            ByteBuffer b = ByteBuffer.allocate(1);
            ch.read(b, 500_000);
            assertEquals(42, b.get(0));
            ByteBuffer zeros = ByteBuffer.allocate(4096);
            ch.read(zeros, (3 << 20) - 4096);
            assertArrayEquals(new byte[4096], zeros.array());
        }
    }

    @Test
    void aFullDiskIsEnospcAndChangesNothing() throws Exception {
        Path small = Files.createDirectories(dir.resolve("small"));
        assumeTrue(sh("mount -t tmpfs -o size=1m vexfs-fe '" + small + "'") == 0, "needs root to mount a tmpfs");
        try {
            Path f = small.resolve("f");
            byte[] data = new byte[10_000];
            java.util.Arrays.fill(data, (byte) 7);
            Files.write(f, data);
            try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                IOException e = assertThrows(IOException.class, () -> FileExtension.allocate(f, ch, 2 << 20));
                assertEquals(Errno.ENOSPC, Errno.of(e), e.getMessage());
                assertEquals(data.length, ch.size(), "cut back to its old size");
                FileExtension.allocate(f, ch, 256 << 10); // what fits still works
                assertEquals(256 << 10, ch.size());
            }
            byte[] back = Files.readAllBytes(f);
            assertArrayEquals(data, java.util.Arrays.copyOf(back, data.length));
        } finally {
            sh("umount '" + small + "' || umount -l '" + small + "'");
        }
    }

    /** What the filesystem has allocated to {@code f} (st_blocks; SEEK_HOLE calls fallocated extents holes). */
    private static long allocatedBytes(Path f) throws Exception {
        int fd = NativeIo.open(f.toString(), NativeIo.O_RDONLY | NativeIo.O_CLOEXEC, 0);
        try {
            return NativeIo.stat(fd).blocks() * 512;
        } finally {
            NativeIo.close(fd);
        }
    }

    static int sh(String script) throws Exception {
        Process p = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return p.waitFor();
    }
}
