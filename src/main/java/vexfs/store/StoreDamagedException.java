package vexfs.store;

import vexfs.libc.Errno;
import vexfs.libc.FsFault;

/**
 * The mounted store file was damaged behind the daemon's back (cut short, or a fault on a mapped page): every
 * vector operation answers EUCLEAN ("Structure needs cleaning") until the store is rebuilt offline, and the
 * message says how. Plain file operations are unaffected.
 */
public final class StoreDamagedException extends FsFault {
    @java.io.Serial
    private static final long serialVersionUID = 1L;

    StoreDamagedException(String message) {
        super(Errno.EUCLEAN, message);
    }
}
