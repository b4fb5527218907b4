package vexfs.libc;

/** A failure that becomes {@code fuse_reply_err(errno)}; the message is what the daemon logs. */
public class FsException extends Exception {
    @java.io.Serial
    private static final long serialVersionUID = 1L;

    private final int errno;

    public FsException(int errno, String message) {
        super(message, null, false, false);
        this.errno = errno;
    }

    public FsException(int errno) {
        this(errno, null);
    }

    public int errno() {
        return errno;
    }

    @Override
    public String getMessage() {
        String m = super.getMessage();
        return m == null ? Errno.name(errno) : Errno.name(errno) + ": " + m;
    }
}
