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

    private String phase;
    private long phaseStart;

    @Override
    public void progress(String phase, long done, long total) {
        long now = System.nanoTime();
        if (!phase.equals(this.phase)) { // the rate and ETA are per phase
            this.phase = phase;
            phaseStart = now;
        }
        if (now - last < 1_000_000_000L && (total < 0 || done < total)) return;
        last = now;
        System.err.println(line(command, phase, done, total, now - phaseStart));
    }

    /** "vexfs import: vectors 12288/60000 (4100/s, ETA 12 s)"; the rate once a phase has run 0.5 s. */
    static String line(String command, String phase, long done, long total, long elapsedNanos) {
        StringBuilder sb = new StringBuilder("vexfs ").append(command).append(": ");
        if (total >= 0) sb.append(phase).append(' ').append(done).append('/').append(total);
        else sb.append(done).append(' ').append(phase);
        if (elapsedNanos >= 500_000_000L && done > 0) {
            double rate = done / (elapsedNanos / 1e9);
            sb.append(String.format(java.util.Locale.ROOT, " (%.0f/s", rate));
            if (total > done) sb.append(String.format(java.util.Locale.ROOT, ", ETA %.0f s", (total - done) / rate));
            sb.append(')');
        }
        return sb.toString();
    }
}
