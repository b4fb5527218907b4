package vexfs.libc;

/**
 * A node's file handle as name_to_handle_at(2) gives it: {@code raw} is the whole {@code struct file_handle}
 * (handle_bytes, handle_type, the filesystem's opaque bytes), to be handed back to open_by_handle_at(2) as is;
 * {@code mountId} the mount it was found on (a handle only means something on its own filesystem).
 */
public record FileHandle(byte[] raw, int mountId) {}
