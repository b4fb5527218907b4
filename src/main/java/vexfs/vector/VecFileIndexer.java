package vexfs.vector;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vexfs.libc.Errno;
import vexfs.libc.FsException;
import vexfs.libc.NativeIo;
import vexfs.store.InvalidVectorException;
import vexfs.store.VectorCodec;
import vexfs.volume.FileVectors;

/**
 * {@code *.vec} files (compatibility with the original VexFS): a regular file whose content is one CSV vector is
 * indexed when a handle that wrote to it is flushed (close(2)). Tracks which open handles wrote since their last
 * flush; a handle is the backing descriptor ({@code fh}), unique while open.
 */
final class VecFileIndexer {
    private static final Logger LOG = LoggerFactory.getLogger(VecFileIndexer.class);
    /** A .vec file longer than this is not a vector (4096 values of ~16 characters fit easily). */
    static final int MAX_VEC_FILE = 1 << 20;

    private final FileVectors vectors;
    private final Set<Long> written = ConcurrentHashMap.newKeySet();

    VecFileIndexer(FileVectors vectors) {
        this.vectors = vectors;
    }

    void wrote(long fh) {
        written.add(fh);
    }

    void released(long fh) {
        written.remove(fh);
    }

    /** True (once) if {@code fh} wrote since its last flush and is open on a file named *.vec. */
    boolean takeIfVec(long fh) {
        return written.remove(fh) && NativeIo.describe((int) fh).endsWith(".vec");
    }

    /**
     * Parses the file (node {@code pathFd}, key {@code key}) and sets its vector. Bad content: the bytes stay as
     * written, the previous vector stays, one WARN line, EINVAL (which close(2) returns).
     */
    void index(int pathFd, long key) throws FsException {
        byte[] content;
        int fd = NativeIo.reopen(pathFd, NativeIo.O_RDONLY | NativeIo.O_CLOEXEC);
        try {
            long size = NativeIo.stat(fd).size();
            content = size > MAX_VEC_FILE ? null : NativeIo.pread(fd, (int) size, 0);
        } finally {
            NativeIo.close(fd);
        }
        try {
            if (content == null) throw new InvalidVectorException("file is larger than " + MAX_VEC_FILE + " bytes");
            float[] v = VectorCodec.parseCsv(content, vectors.dimension());
            vectors.set(pathFd, key, v, vectors.relativePath(pathFd));
        } catch (InvalidVectorException e) {
            LOG.warn(".vec file ino {} ({}): {}; content kept as written, previous vector kept", key,
                    vectors.describe(pathFd), e.getMessage());
            throw new FsException(Errno.EINVAL, e.getMessage());
        }
    }
}
