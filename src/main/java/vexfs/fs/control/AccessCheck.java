package vexfs.fs.control;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;

/**
 * Could {@code uid}/{@code gid} stat and read this file directly? Search results and neighbour links are filtered
 * by it, so /.vexfs never reveals a path the caller could not see. Walks the path from the backing root: every
 * directory needs search (x) permission, the file read (r) permission, by owner/group/other bits. Supplementary
 * groups are not known to FUSE requests, so only the primary gid counts (stricter, never looser). Root sees all.
 */
final class AccessCheck {
    private AccessCheck() {}

    static boolean canRead(Path backingRoot, String path, int uid, int gid) {
        if (uid == 0) return true;
        try {
            Path p = backingRoot;
            String[] parts = path.split("/");
            if (!allowed(p, uid, gid, 1)) return false;
            for (int i = 1; i < parts.length; i++) {
                if (parts[i].isEmpty()) continue;
                p = p.resolve(parts[i]);
                boolean last = i == parts.length - 1;
                if (!allowed(p, uid, gid, last ? 4 : 1)) return false;
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code want} is 4 (read) or 1 (search/execute). */
    private static boolean allowed(Path p, int uid, int gid, int want) throws IOException {
        Map<String, Object> a = Files.readAttributes(p, "unix:mode,uid,gid", LinkOption.NOFOLLOW_LINKS);
        int mode = (int) a.get("mode");
        int shift = uid == (int) a.get("uid") ? 6 : gid == (int) a.get("gid") ? 3 : 0;
        return ((mode >> shift) & want) == want;
    }
}
