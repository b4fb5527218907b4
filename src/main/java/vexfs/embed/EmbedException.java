package vexfs.embed;

/** An input could not be embedded; the message says why (one line, for the log and {@code /.vexfs/stats}). */
public final class EmbedException extends Exception {
    private static final long serialVersionUID = 1L;

    public EmbedException(String message) {
        super(message);
    }

    public EmbedException(String message, Throwable cause) {
        super(message, cause);
    }
}
