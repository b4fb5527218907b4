package vexfs.control;

import java.util.List;

import vexfs.libc.FsException;
import vexfs.volume.MountPath;

/**
 * What the /.vexfs control tree needs from the vector layer, in plain Java. Paths are relative to the mount
 * root, as bytes ({@link MountPath}). Implemented by the vector layer over the store and the HNSW index.
 */
public interface SearchBackend {
    /**
     * One result: the file's current path, its distance (lower is closer) and, when the file was ranked by a chunk of
     * its text, that chunk's byte range {@code [rangeStart, rangeEnd)} ({@code rangeEnd == 0}: none).
     */
    record Hit(MountPath path, float distance, long rangeStart, long rangeEnd) {
        public Hit(MountPath path, float distance) {
            this(path, distance, 0, 0);
        }
    }

    int dimension();

    String metric();

    /**
     * The k nearest files to {@code query} that pass {@code filter} (below its {@code under} directory, name glob,
     * modification time; {@link SearchFilter#NONE}: all). Only paths {@code who} could read directly are returned.
     */
    List<Hit> search(float[] query, int k, int ef, SearchFilter filter, Caller who) throws FsException;

    /** The k nearest other files of the file at {@code path}; ENOENT if there is no such file, ENODATA if it has no vector,
     * EACCES if {@code who} could not read it; neighbours {@code who} could not read are left out. */
    List<Hit> neighbours(MountPath path, int k, Caller who) throws FsException;

    /** Lines of "key value" for /.vexfs/stats (the session's own request statistics are added by the tree). */
    List<String[]> stats();

    /** Starts {@code command} (reindex, compact, verify, sync); EINVAL for anything else, EBUSY if one runs. */
    void control(String command) throws FsException;

    /** True if {@link #embedQuery} can answer (the volume has an embedder): /.vexfs/query/ exists then. */
    default boolean embeds() {
        return false;
    }

    /** The vector of a text query (the store's embedder); EINVAL for a store without one. */
    default float[] embedQuery(String text) throws FsException {
        throw new FsException(vexfs.libc.Errno.EINVAL, "this store has no embedder (vexfs mkfs --embed minilm): give a vector");
    }

    /** State of the last control command and progress of a running one, as text. */
    String controlStatus();
}
