package vexfs.volume;

import java.nio.file.Path;

import vexfs.libc.FsException;
import vexfs.libc.NativeIo;
import vexfs.store.LongIntHashMap;

/**
 * The paths of files named by their store keys (inode numbers), found by walking the backing tree (no recursion,
 * {@link TreeWalker}) until every key has one: for offline search results and for {@code vexfs inspect}. A key
 * whose inode is no longer in the tree has no path (null). The walk is as long as the tree, so callers ask for
 * all their keys at once.
 */
public final class FileKeyPaths {
    private FileKeyPaths() {}

    /** Paths of {@code keys} in the tree below {@code rel} (empty = the root) of the O_PATH directory {@code rootFd}. */
    static MountPath[] find(int rootFd, byte[] rel, long[] keys) throws FsException {
        LongIntHashMap wanted = new LongIntHashMap(Math.max(16, keys.length * 2));
        for (int i = 0; i < keys.length; i++) wanted.put(keys[i], i);
        MountPath[] paths = new MountPath[keys.length];
        int[] found = {0};
        if (keys.length == 0) return paths;
        TreeWalker.walk(rootFd, rel, (dirFd, name, ino, path) -> {
            int i = wanted.get(ino);
            if (i >= 0 && paths[i] == null) {
                paths[i] = MountPath.ofRelative(path);
                found[0]++;
            }
        }, () -> found[0] == keys.length);
        return paths;
    }

    /** The path (as seen through a mount, "/a/b") of the file with store key {@code key} in {@code backing}, or null. */
    public static String find(Path backing, long key) throws FsException {
        int rootFd = NativeIo.open(backing.toAbsolutePath().toString(), NativeIo.O_PATH | NativeIo.O_DIRECTORY, 0);
        try {
            MountPath p = find(rootFd, new byte[0], new long[] {key})[0];
            return p == null ? null : p.toString();
        } finally {
            NativeIo.close(rootFd);
        }
    }
}
