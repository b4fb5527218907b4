/**
 * The picocli commands: thin callers of {@code volume} (mkfs, verify, reindex, import, search, inspect) and
 * {@code daemon} (mount); they parse, call one API, and print.
 */
package vexfs.cli;
