package vexfs.index;

import java.io.IOException;

/** The graph file is not a graph file we can use: bad magic, version, checksum or geometry. */
public final class CorruptGraphException extends IOException {
    @java.io.Serial
    private static final long serialVersionUID = 1L;

    public CorruptGraphException(String message) {
        super(message);
    }
}
