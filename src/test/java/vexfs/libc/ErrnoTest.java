package vexfs.libc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ErrnoTest {
    @TempDir
    Path dir;

    private static int errnoOf(ThrowingRunnable r) {
        try {
            r.run();
        } catch (IOException e) {
            return Errno.of(e);
        }
        throw new AssertionError("no exception");
    }

    interface ThrowingRunnable {
        void run() throws IOException;
    }

    @Test
    void typedNioExceptionsFromRealCalls() throws IOException {
        Path f = Files.createFile(dir.resolve("f"));
        assertEquals(Errno.EEXIST, errnoOf(() -> Files.createFile(f)));
        assertEquals(Errno.ENOENT, errnoOf(() -> Files.delete(dir.resolve("missing"))));
        Path d = Files.createDirectories(dir.resolve("d"));
        Files.createFile(d.resolve("x"));
        assertEquals(Errno.ENOTEMPTY, errnoOf(() -> Files.delete(d)));
        assertEquals(Errno.ENOTDIR, errnoOf(() -> Files.newDirectoryStream(f).close()));
    }

    @Test
    void untypedExceptionsByTheirStrerrorText() {
        // /dev/full answers every write with ENOSPC: FileChannel reports it as a plain IOException
        assertEquals(Errno.ENOSPC, errnoOf(() -> {
            try (FileChannel ch = FileChannel.open(Path.of("/dev/full"), StandardOpenOption.WRITE)) {
                ch.write(ByteBuffer.allocate(4096));
            }
        }));
        assertEquals(Errno.EDQUOT, Errno.of(new FileSystemException("f", null, Libc.strerror(Errno.EDQUOT))));
        assertEquals(Errno.EROFS, Errno.of(new IOException(Libc.strerror(Errno.EROFS))));
        assertEquals(Errno.EIO, Errno.of(new IOException("something else")));
        assertEquals(Errno.EIO, Errno.of(new IOException((String) null)));
    }

    @Test
    void everyTextIsDistinct() {
        for (int i = 0; i < Errno.BY_TEXT.length; i++) {
            assertEquals(Errno.BY_TEXT[i], Errno.of(new IOException("x: " + Libc.strerror(Errno.BY_TEXT[i]))),
                    Errno.name(Errno.BY_TEXT[i]));
        }
    }
}
