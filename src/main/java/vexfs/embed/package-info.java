/**
 * Embedders: text (or bytes) to a vector. The built-in all-MiniLM-L6-v2 ({@link MiniLmEmbedder}, loaded lazily
 * from the jars in {@code target/lib-embed} by {@link EmbedLibraries}), a co-process speaking JSON lines
 * ({@link CommandEmbedder}), and {@link TextExtractor} (UTF-8 sniffing, extensions, Apache Tika for documents).
 * Knows nothing of files systems or stores; imports {@code base} only.
 */
package vexfs.embed;
