/**
 * Values and kernels below both the store and the index: {@link vexfs.base.Metric}, the SIMD distance kernels
 * with their scalar twins (bit-identical), {@link vexfs.base.VectorSource}, {@link vexfs.base.SearchResult}, the
 * one {@link vexfs.base.ExactSearch}, {@link vexfs.base.GraphSettings}, {@link vexfs.base.ProgressListener},
 * {@link vexfs.base.FileExtension}, {@link vexfs.base.PrivateFiles} (the store's 0700/0600 modes and owner) and
 * {@link vexfs.base.EmbedderSpec} (a volume's embedder, kept in the store header). Imports nothing of VexFS but {@code libc}.
 */
package vexfs.base;
