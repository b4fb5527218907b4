package vexfs.volume;

/**
 * Told about every change of the vector store made by the filesystem (setxattr, .vec close, unlink of the last
 * link, background reconcile), after the store changed, while the file key is locked (so calls for one key never
 * overlap or reorder). A put moves the vector to a new slot (the store is copy-on-write): the index must drop
 * {@code oldSlot} and add {@code slot}. Implementations must be fast and must not call back into the filesystem.
 * The HNSW index connects here; {@link #NONE} keeps exact search only.
 */
public interface IndexUpdates {
    IndexUpdates NONE = new IndexUpdates() {
        @Override
        public void onPut(long fileKey, int slot, int oldSlot) {}

        @Override
        public void onRemove(long fileKey, int oldSlot) {}
    };

    /**
     * Called before a put: make room for {@code slots} slots so that the put cannot fail half-way in the index
     * (a full disk). Throws with the errno to give the caller; nothing has changed then.
     */
    default void reserve(int slots) throws vexfs.libc.FsException {}

    /** {@code fileKey} now has its vector in {@code slot}; {@code oldSlot} (or -1) no longer holds it. */
    void onPut(long fileKey, int slot, int oldSlot);

    /** {@code fileKey} has no vector any more; {@code oldSlot} was freed. */
    void onRemove(long fileKey, int oldSlot);
}
