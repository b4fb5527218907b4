package vexfs.store;

import java.io.IOException;

/** The store is open for writing by another process (a mount, or an offline tool): the request is refused. */
public final class StoreInUseException extends IOException {
    private static final long serialVersionUID = 1L;

    public StoreInUseException(String message) {
        super(message);
    }
}
