package vexfs.store;

import java.io.IOException;

/** The vector file cannot be trusted: bad magic, version, checksum or size. The message names the bad values. */
public final class CorruptStoreException extends IOException {
    @java.io.Serial
    private static final long serialVersionUID = 1L;

    public CorruptStoreException(String message) {
        super(message);
    }
}
