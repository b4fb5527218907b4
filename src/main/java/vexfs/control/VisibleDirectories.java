package vexfs.control;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

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
     * Files (by their current path) in a directory {@code who} can list. For one search (the predicate is called
     * from the searching thread only).
     */
    static Predicate<MountPath> filter(ListableDirectories dirs, Caller who) {
        Map<MountPath, Boolean> listable = new HashMap<>();
        return p -> {
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
