/**
 * The POSIX passthrough over the backing directory (libfuse's passthrough_ll in Java): inode table, locks,
 * directory streams. It hands decorating layers {@link vexfs.passthrough.BackingNodes}, not its inode table.
 * Imports {@code fuse}, {@code libc} and {@code volume} (only for the store directory's name).
 */
package vexfs.passthrough;
