package vexfs.control;

import java.util.HashMap;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;

import vexfs.volume.MountPath;

/**
 * Filter first, for callers other than root: a search considers only files whose directory the caller can list
 * (r and x on it, x on every directory above), so the vectors of a directory it cannot list never become
 * candidates. Neither the results nor the time a search takes (the choice between an exact scan and a graph walk,
 * the widening when hits are dropped afterwards) then depend on how many vectors such a directory holds: that was
 * the {@code under=} timing leak of issue 17 (111 ms vs 16 ms). Files in a listable directory that the caller
 * cannot read are still dropped after the search; their names, and so their number, are visible to it anyway.
 * One verdict per distinct directory and search, from {@link ListableDirectories} (remembered there for a second).
 */
final class VisibleDirectories {
    private VisibleDirectories() {}

    /**
     * Slots whose file lies below {@code underOrNull} (anywhere if null) in a directory {@code who} can list.
     * For one search (the predicate is called from the searching thread only).
     */
    static IntPredicate filter(MountPath underOrNull, ListableDirectories dirs, Caller who, IntFunction<MountPath> pathOfSlot) {
        Map<MountPath, Boolean> listable = new HashMap<>();
        return slot -> {
            MountPath p = pathOfSlot.apply(slot);
            if (p == null || (underOrNull != null && !p.isBelow(underOrNull))) return false;
            MountPath dir = p.parent();
            Boolean ok = listable.get(dir);
            if (ok == null) {
                ok = dirs.canList(dir, who);
                listable.put(dir, ok);
            }
            return ok;
        };
    }
}
