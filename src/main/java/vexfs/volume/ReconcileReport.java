package vexfs.volume;

import java.util.List;

/**
 * What a reconcile scan found (and, when repairing, fixed): regular files walked, files carrying a vector,
 * vectors added to / updated in the store from the files' xattrs, stale store entries (no file carries them),
 * STORE_ONLY markers whose vector the store lost, files with a vector of another dimension (ignored), and the
 * first few discrepancies as text. {@code complete} is false if the scan was stopped (unmount).
 */
public record ReconcileReport(long files, long withVector, long added, long updated, long stale, long lostStoreOnly,
                              long foreign, List<String> problems, boolean complete) {
    public long discrepancies() {
        return added + updated + stale + lostStoreOnly;
    }
}
