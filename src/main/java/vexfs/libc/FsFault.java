package vexfs.libc;

/**
 * An errno raised where a checked {@link FsException} cannot be declared (deep in a store or index call): the
 * request answers {@link #errno()} as it would for an FsException. Whoever throws it has logged why, once; the
 * request layer does not log it again.
 */
public class FsFault extends RuntimeException {
    @java.io.Serial
    private static final long serialVersionUID = 1L;
    private final int errno;

    public FsFault(int errno, String message) {
        super(message);
        this.errno = errno;
    }

    public int errno() {
        return errno;
    }
}
