/**
 * The owner of a volume's store directory: {@link vexfs.volume.Volume} (opened for a mount, read-only, or
 * exclusive for offline tools) with the one policy for opening, aligning, rebuilding and removing the graph,
 * {@link vexfs.volume.VolumeLayout} (every file's name), the vectors of backing files
 * ({@link vexfs.volume.FileVectors}: backing xattr + store), reconciliation with the files, verify, reindex,
 * bulk import and offline search. Imports {@code store}, {@code index}, {@code base} and {@code libc}; never
 * {@code fuse}.
 */
package vexfs.volume;
