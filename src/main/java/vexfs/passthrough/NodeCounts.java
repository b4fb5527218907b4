package vexfs.passthrough;

/**
 * Where the node table stands, for stats: the nodes the kernel knows, how many the heap's budget allows, the open
 * O_PATH descriptors of nodes with a handle and their bound ({@code -o max_fds}).
 */
public record NodeCounts(long known, long budget, long descriptorsOpen, long descriptorsBound) {}
