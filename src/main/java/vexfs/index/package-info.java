/**
 * HNSW over memory-mapped graph pages ({@code graph.vxg}, docs/format-graph.md): iterative search with reusable
 * scratch, insert/delete/compact, int8 traversal codes, verification and repair. Imports {@code base} only (and
 * {@code libc}); it knows vectors through {@link vexfs.base.VectorSource}, never the store.
 */
package vexfs.index;
