package vexfs.control;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

import vexfs.volume.MountPath;

/**
 * "Can this caller list this directory?" remembered for {@link #TTL_NANOS} across searches, so a search by a user
 * other than root does not walk the same directories' permissions again for every query (a corpus in 200
 * directories: 2.7-3.0 ms per search as nobody against 0.25 ms as root, every directory walked each time). One
 * second is what the mount's own kernel permission checks lag by (they use attributes cached for the attribute
 * timeout, 1 s by default). Only the candidate set can lag: every hit is still checked afresh before it is
 * returned ({@link AccessCheck#canRead}). Bounded: cleared when it holds {@link #MAX_ENTRIES}.
 */
final class ListableDirectories {
    static final long TTL_NANOS = 1_000_000_000L;
    static final int MAX_ENTRIES = 65_536;

    private record Key(int uid, int gid, int[] groups, MountPath dir) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.uid == uid && k.gid == gid && Arrays.equals(k.groups, groups) && k.dir.equals(dir);
        }

        @Override
        public int hashCode() {
            return (31 * uid + gid) * 31 + dir.hashCode();
        }
    }

    private record Verdict(boolean listable, long at) {}

    private final Path backingRoot;
    private final ConcurrentHashMap<Key, Verdict> verdicts = new ConcurrentHashMap<>();

    ListableDirectories(Path backingRoot) {
        this.backingRoot = backingRoot;
    }

    boolean canList(MountPath dir, Caller who) {
        Key key = new Key(who.uid(), who.gid(), who.groups(), dir);
        long now = System.nanoTime();
        Verdict v = verdicts.get(key);
        if (v != null && now - v.at() < TTL_NANOS) return v.listable();
        boolean ok = AccessCheck.canList(backingRoot, dir, who);
        if (verdicts.size() >= MAX_ENTRIES) verdicts.clear();
        verdicts.put(key, new Verdict(ok, now));
        return ok;
    }
}
