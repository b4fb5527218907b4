package vexfs.store;

import java.util.Arrays;

/** A growable stack of ints (free slots), no boxing. Not thread-safe: the store guards it with its write lock. */
final class IntStack {
    private int[] items = new int[16];
    private int size;

    void push(int v) {
        if (size == items.length) {
            items = Arrays.copyOf(items, size * 2);
        }
        items[size++] = v;
    }

    /** Removes and returns the top, or -1 when empty. */
    int pop() {
        return size == 0 ? -1 : items[--size];
    }

    int size() {
        return size;
    }

    /** Removes one occurrence of {@code v} if present (linear; only used by repair paths). */
    boolean remove(int v) {
        for (int i = size - 1; i >= 0; i--) {
            if (items[i] == v) {
                System.arraycopy(items, i + 1, items, i, size - i - 1);
                size--;
                return true;
            }
        }
        return false;
    }
}
