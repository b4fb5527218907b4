/**
 * The {@code /.vexfs} control tree (search, similar/, query/, stats, control) in a reserved node-id range, and the
 * router that decorates the vector layer with it. Imports {@code volume}, {@code index}, {@code store}, {@code embed}, {@code fuse},
 * {@code libc}; not {@code vector} (the daemon passes it what it needs as functions).
 */
package vexfs.control;
