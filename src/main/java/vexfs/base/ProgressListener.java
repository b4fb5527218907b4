package vexfs.base;

/** Receives progress of long operations (rebuild, compact, verify): {@code done} of {@code total} units. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (phase, done, total) -> { };

    void progress(String phase, long done, long total);
}
