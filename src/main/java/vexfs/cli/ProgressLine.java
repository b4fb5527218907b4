package vexfs.cli;

import vexfs.base.ProgressListener;

/** Prints progress to stderr at most once a second and at the end (long commands show they are alive). */
final class ProgressLine implements ProgressListener {
    private final String command;
    private final String prefix;
    /** On a terminal the line is redrawn in place (carriage return); elsewhere (logs, pipes) one line each time. */
    private final boolean live = System.console() != null && System.console().isTerminal();
    private long last = System.nanoTime();
    private int drawn;

    ProgressLine(String command) {
        this(command, "");
    }

    private ProgressLine(String command, String prefix) {
        this.command = command;
        this.prefix = prefix;
    }

    /** Progress of a graph verify or rebuild on stderr, at most once a second (and at the end), with rate and ETA. */
    static ProgressListener graph(String command) {
        return new ProgressLine(command, "graph ");
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
        boolean end = total >= 0 && done >= total;
        if (now - last < 1_000_000_000L && !end) return;
        last = now;
        String text = line(command, prefix + phase, done, total, now - phaseStart);
        if (live && total >= 0) {
            System.err.print("\r" + text + " ".repeat(Math.max(0, drawn - text.length())) + (end ? "\n" : ""));
            drawn = end ? 0 : text.length();
        } else {
            System.err.println(text);
        }
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
