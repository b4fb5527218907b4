package vexfs.control;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last search results of each (uid, process), so that the shell idiom {@code echo "$q" > search; cat search}
 * works: the echo (the shell itself) writes the query on one descriptor and closes it, the cat (a child of that
 * shell) opens another and reads. A descriptor that never had a query written reads the results its own process,
 * or else its parent process, last left on the search file — same uid only, within {@link #TTL_NANOS}. Other
 * processes never see them. Bounded: {@link #MAX_ENTRIES} entries and {@link #MAX_BYTES} bytes, oldest dropped.
 */
final class RecentResults {
    static final long TTL_NANOS = 300L * 1_000_000_000L;
    static final int MAX_ENTRIES = 64;
    static final long MAX_BYTES = 16L << 20;

    private record Key(int uid, int pid) {}

    private record Entry(byte[] results, long atNanos) {}

    private final LinkedHashMap<Key, Entry> entries = new LinkedHashMap<>();
    private long bytes;

    /** Results of a query process {@code pid} of {@code uid} ran. */
    synchronized void put(int uid, int pid, byte[] results) {
        if (results.length > MAX_BYTES) return;
        Entry old = entries.remove(new Key(uid, pid));
        if (old != null) bytes -= old.results().length;
        entries.put(new Key(uid, pid), new Entry(results, System.nanoTime()));
        bytes += results.length;
        Iterator<Map.Entry<Key, Entry>> it = entries.entrySet().iterator();
        while ((entries.size() > MAX_ENTRIES || bytes > MAX_BYTES) && it.hasNext()) {
            bytes -= it.next().getValue().results().length;
            it.remove();
        }
    }

    /** The results left by {@code pid} or, failing that, by its parent (same uid, not expired); null if none. */
    byte[] forReader(int uid, int pid) {
        byte[] own = get(uid, pid);
        return own != null ? own : get(uid, parentOf(pid));
    }

    private synchronized byte[] get(int uid, int pid) {
        if (pid <= 0) return null;
        Entry e = entries.get(new Key(uid, pid));
        if (e == null) return null;
        if (System.nanoTime() - e.atNanos() > TTL_NANOS) {
            entries.remove(new Key(uid, pid));
            bytes -= e.results().length;
            return null;
        }
        return e.results();
    }

    synchronized long bytes() {
        return bytes;
    }

    /** The parent pid from /proc/PID/stat (field 4, after the parenthesised command name); -1 if unknown. */
    static int parentOf(int pid) {
        try {
            String stat = new String(Files.readAllBytes(Path.of("/proc", Integer.toString(pid), "stat")),
                    StandardCharsets.ISO_8859_1);
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Integer.parseInt(f[1]);
        } catch (Exception e) {
            return -1;
        }
    }
}
