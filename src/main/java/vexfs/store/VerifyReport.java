package vexfs.store;

import java.util.List;

/**
 * Outcome of {@link StoreVerifier#verify}: {@code problems} are defects (empty means the store is
 * clean), {@code notes} are facts that are not defects (e.g. "not closed cleanly", expected after
 * a kill). Counts are those found by the record scan, after repair if {@code repaired}.
 */
public record VerifyReport(String file, List<String> problems, List<String> notes, long capacity, int slotCount,
                           int live, int free, int torn, int duplicates, boolean repairable, boolean repaired) {

    public boolean clean() {
        return problems.isEmpty();
    }

    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append("file: ").append(file).append('\n');
        sb.append("capacity: ").append(capacity).append(" slots, in use: ").append(slotCount).append(", live: ")
                .append(live).append(", free: ").append(free).append('\n');
        for (String n : notes) {
            sb.append("note: ").append(n).append('\n');
        }
        for (String p : problems) {
            sb.append("problem: ").append(p).append('\n');
        }
        sb.append(clean() ? "status: clean" : repaired ? "status: repaired" : "status: PROBLEMS FOUND"
                + (repairable ? " (run with --repair)" : " (not repairable)")).append('\n');
        return sb.toString();
    }
}
