/**
 * The vector layer: decorates the passthrough with the {@code user.vexfs.*} xattrs, {@code .vec} files indexed on
 * close, and the bookkeeping that keeps the volume's store in line with the files (last link gone, renames, the
 * background reconcile), and automatic embedding ({@code AutoEmbedder}). Imports {@code passthrough}, {@code volume},
 * {@code store}, {@code embed}, {@code fuse}, {@code libc}.
 */
package vexfs.vector;
