package vexfs.cli;

import vexfs.base.ProgressListener;

/** Prints progress to stderr at most once a second and at the end (long commands show they are alive). */
final class ProgressLine implements ProgressListener {
    private final String command;
    private long last = System.nanoTime();

    ProgressLine(String command) {
        this.command = command;
    }

    /** Progress of a graph verify or rebuild on stderr, at most once a second (and at the end). */
    static ProgressListener graph(String command) {
        long[] last = {System.nanoTime()};
        return (phase, done, total) -> {
            long now = System.nanoTime();
            if (total > 0 && done < total && now - last[0] < 1_000_000_000L) return;
            last[0] = now;
            System.err.printf(java.util.Locale.ROOT, "vexfs %s: graph %s %d/%d%n", command, phase, done, total);
        };
    }

    @Override
    public void progress(String phase, long done, long total) {
        long now = System.nanoTime();
        if (now - last < 1_000_000_000L && (total < 0 || done < total)) return;
        last = now;
        if (total >= 0) System.err.printf(java.util.Locale.ROOT, "vexfs %s: %s %d/%d%n", command, phase, done, total);
        else System.err.printf(java.util.Locale.ROOT, "vexfs %s: %d %s%n", command, done, phase);
    }
}
