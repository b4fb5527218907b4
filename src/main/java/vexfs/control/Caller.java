package vexfs.control;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import vexfs.fuse.Request;

/**
 * Who asked, for access checks: uid, primary gid and the supplementary groups. FUSE requests carry uid, gid and
 * pid only; the supplementary groups are read from {@code /proc/PID/status} of the calling thread (if it is gone
 * meanwhile, only the primary gid counts: stricter, never looser).
 */
public record Caller(int uid, int gid, int[] groups) {
    public static final Caller ROOT = new Caller(0, 0, new int[0]);

    public static Caller of(Request req) {
        return new Caller(req.uid(), req.gid(), req.uid() == 0 ? new int[0] : groupsOf(req.pid()));
    }

    boolean inGroup(int g) {
        if (g == gid) return true;
        for (int x : groups) if (x == g) return true;
        return false;
    }

    static int[] groupsOf(int pid) {
        if (pid <= 0) return new int[0];
        try {
            for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (!l.startsWith("Groups:")) continue;
                String s = l.substring(7).trim();
                return s.isEmpty() ? new int[0] : Arrays.stream(s.split("\\s+")).mapToInt(Integer::parseInt).toArray();
            }
        } catch (IOException | RuntimeException gone) {
            // the caller exited: primary gid only
        }
        return new int[0];
    }
}
