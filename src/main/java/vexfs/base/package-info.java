/**
 * Values and kernels below both the store and the index: {@link vexfs.base.Metric}, the SIMD distance kernels
 * with their scalar twins (bit-identical), {@link vexfs.base.VectorSource}, {@link vexfs.base.SearchResult}, the
 * one {@link vexfs.base.ExactSearch}, {@link vexfs.base.GraphSettings}, {@link vexfs.base.ProgressListener} and
 * {@link vexfs.base.FileExtension}. Imports nothing of VexFS but {@code libc}.
 */
package vexfs.base;
