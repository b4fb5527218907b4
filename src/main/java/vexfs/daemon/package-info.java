/**
 * Mount assembly: {@link vexfs.daemon.Daemon} opens the volume, builds the filesystem stack
 * ({@link vexfs.daemon.MountStack}: passthrough, vector layer, control tree, graph upkeep), runs the session and
 * unmounts; {@link vexfs.daemon.HeapTrimmer} keeps the heap flat. Imports every layer below it; only {@code cli}
 * imports it.
 */
package vexfs.daemon;
