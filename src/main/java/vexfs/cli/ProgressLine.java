package vexfs.cli;

import vexfs.fs.ScanProgress;

/** Prints scan progress to stderr at most once a second (long commands show they are alive). */
final class ProgressLine implements ScanProgress {
    private final String command;
    private long last = System.nanoTime();

    ProgressLine(String command) {
        this.command = command;
    }

    @Override
    public void at(long files, long withVector) {
        long now = System.nanoTime();
        if (now - last < 1_000_000_000L) return;
        last = now;
        System.err.printf("vexfs %s: %d files scanned, %d with a vector%n", command, files, withVector);
    }
}
