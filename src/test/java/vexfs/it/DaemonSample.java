package vexfs.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** One look at a process: open descriptors, threads and RssAnon (kB), from /proc/PID. */
record DaemonSample(long fds, long threads, long rssAnonKb) {
    static DaemonSample of(long pid) throws IOException {
        long fds;
        try (Stream<Path> s = Files.list(Path.of("/proc/" + pid + "/fd"))) {
            fds = s.count();
        }
        long threads = -1, rss = -1;
        for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (l.startsWith("Threads:")) threads = Long.parseLong(l.substring(8).trim());
            if (l.startsWith("RssAnon:")) rss = Long.parseLong(l.substring(8).replace("kB", "").trim());
        }
        return new DaemonSample(fds, threads, rss);
    }

    @Override
    public String toString() {
        return fds + " fds, " + threads + " threads, RssAnon " + rssAnonKb / 1024 + " MiB";
    }
}
