package vexfs.volume;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Striped locks by file key: everything that changes one file's vector (backing xattr + store + index) holds the
 * key's stripe, so the xattr and the store are changed in the same order by every writer and the background
 * reconciler never interleaves with a setxattr of the same file.
 */
final class KeyLocks {
    private final ReentrantLock[] stripes = new ReentrantLock[64];

    KeyLocks() {
        for (int i = 0; i < stripes.length; i++) stripes[i] = new ReentrantLock();
    }

    ReentrantLock of(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return stripes[(int) (h >>> 58)];
    }
}
