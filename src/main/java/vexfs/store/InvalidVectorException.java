package vexfs.store;

/**
 * A vector value that may not be stored: wrong dimension, NaN or infinity, malformed or empty CSV,
 * wrong byte length, a zero vector under cosine. The message says precisely what is wrong; the fs
 * layer answers EINVAL and logs it.
 */
public final class InvalidVectorException extends IllegalArgumentException {
    @java.io.Serial
    private static final long serialVersionUID = 1L;

    public InvalidVectorException(String message) {
        super(message);
    }
}
