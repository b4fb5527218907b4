package vexfs.volume;

import java.nio.file.AccessDeniedException;

/**
 * The calling user could not read (or, for a tool that writes, write) the store directory or one of its files:
 * the store is private to its owner (0700 / 0600), so an offline command refuses rather than fail half-way or
 * read it through another user's rights. The message says which file and as whom.
 */
public final class StoreAccessException extends AccessDeniedException {
    private static final long serialVersionUID = 1L;

    public StoreAccessException(String file, String message) {
        super(file, null, message);
    }

    @Override
    public String getMessage() {
        return getReason();
    }
}
