/**
 * FFM bindings of libfuse3 and libc in jextract's shape (one class per header, struct and callback), written to
 * match the installed headers and checked by the ABI probe; run-time layout decisions live in small named
 * classes beside them ({@link vexfs.bindings.FileInfoBits}). Only {@code fuse} and {@code libc} import it.
 */
package vexfs.bindings;
