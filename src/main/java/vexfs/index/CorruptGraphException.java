package vexfs.index;

import java.io.IOException;

/** The graph file is not a graph file we can use: bad magic, version, checksum or geometry. */
public final class CorruptGraphException extends IOException {
    @java.io.Serial
    private static final long serialVersionUID = 1L;

    public CorruptGraphException(String message) {
        super(message);
    }

    /**
     * For a damage found on a search or update path (a value read from the mapped graph that cannot be right): the
     * unchecked carrier, so the hot loops need no throws clause. {@link #isDamage} recognises it.
     */
    public static java.io.UncheckedIOException damaged(String message) {
        return new java.io.UncheckedIOException("this graph is damaged: " + message, new CorruptGraphException(message));
    }

    /** True if {@code t} says the graph is damaged: {@link #damaged} or a checked CorruptGraphException. */
    public static boolean isDamage(Throwable t) {
        return t instanceof CorruptGraphException
                || (t instanceof java.io.UncheckedIOException u && u.getCause() instanceof CorruptGraphException);
    }
}
