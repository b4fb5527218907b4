package vexfs.fs;

/** Progress of a tree scan, told every 1024 regular files. */
@FunctionalInterface
public interface ScanProgress {
    void at(long files, long withVector);
}
