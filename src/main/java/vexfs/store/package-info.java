/**
 * The memory-mapped vector file ({@code vectors.vxv}, docs/format.md): fixed-size checksummed records, free slots
 * reused, a key map kept off-heap, crash recovery and verification. Imports {@code base} and {@code libc} only.
 */
package vexfs.store;
