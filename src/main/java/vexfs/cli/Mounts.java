package vexfs.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads /proc/self/mountinfo and runs fusermount3: the small amount of mount plumbing the CLI needs. */
final class Mounts {
    private Mounts() {}

    /** True if {@code mountpoint} is currently a fuse.vexfs mount. */
    static boolean isVexfsMount(Path mountpoint) {
        String mp = mountpoint.toAbsolutePath().normalize().toString();
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/self/mountinfo"));
            for (String line : lines) {
                String[] f = line.split(" ");
                int dash = line.indexOf(" - ");
                if (f.length < 5 || dash < 0) continue;
                String fstype = line.substring(dash + 3).split(" ")[0];
                if (unescape(f[4]).equals(mp) && fstype.startsWith("fuse") && line.contains("vexfs")) return true;
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }

    /** The mount points of fuse.vexfs mounts whose source is {@code backing} (the mount source is the backing path). */
    static List<Path> mountsOf(Path backing) {
        String b = backing.toAbsolutePath().normalize().toString();
        List<Path> found = new java.util.ArrayList<>();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
                String[] f = line.split(" ");
                int dash = line.indexOf(" - ");
                if (f.length < 5 || dash < 0) continue;
                String[] tail = line.substring(dash + 3).split(" ");
                if (tail.length >= 2 && tail[0].equals("fuse.vexfs") && unescape(tail[1]).equals(b)) {
                    found.add(Path.of(unescape(f[4])));
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        return found;
    }

    /** True if a stat of {@code mountpoint} says ENOTCONN: the FUSE connection has no daemon behind it any more. */
    static boolean isDead(Path mountpoint) {
        try {
            Files.readAttributes(mountpoint, "unix:ino");
            return false;
        } catch (java.nio.file.FileSystemException e) {
            return e.getReason() != null && e.getReason().equals(vexfs.libc.Libc.strerror(vexfs.libc.Errno.ENOTCONN));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** fusermount3 -uz: detaches a dead mount (its connection is already gone, so nothing is lost). */
    static void lazyUnmount(Path mountpoint) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("fusermount3", "-uz", mountpoint.toString()).inheritIO().start();
        if (!p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) p.destroyForcibly();
        for (int i = 0; i < 100 && isVexfsMount(mountpoint); i++) Thread.sleep(20);
    }

    /** mountinfo escapes space, tab, newline and backslash as octal. */
    private static String unescape(String s) {
        return s.replace("\\040", " ").replace("\\011", "\t").replace("\\012", "\n").replace("\\134", "\\");
    }

    /** fusermount3 -u (works for root and for the user who mounted); prints why if it fails. */
    static boolean unmount(Path mountpoint) throws IOException, InterruptedException {
        if (!isVexfsMount(mountpoint)) {
            System.err.println("vexfs umount: " + mountpoint + " is not a VexFS mount");
            return false;
        }
        Process p = new ProcessBuilder("fusermount3", "-u", mountpoint.toString()).inheritIO().start();
        int rc = p.waitFor();
        if (rc != 0) {
            System.err.println("vexfs umount: fusermount3 -u " + mountpoint + " failed (exit " + rc
                    + "); files still open? try 'fusermount3 -uz' for a lazy unmount");
            return false;
        }
        // The daemon sees ENODEV and finishes in-flight requests before exiting; wait briefly for the mount
        // table to settle so that a following mount of the same directory works.
        for (int i = 0; i < 100 && isVexfsMount(mountpoint); i++) Thread.sleep(20);
        return true;
    }
}
