package vexfs.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"A human summary of a mounted VexFS: version, uptime, vectors and graph, searches, requests "
                + "and errors, active modes, the embed queue. The figures come from MOUNTPOINT/.vexfs/stats (all of them are there)."})
final class StatusCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "MOUNTPOINT")
    Path mountpoint;

    @Override
    public Integer call() {
        Path mnt = mountpoint.toAbsolutePath().normalize();
        if (!Mounts.isVexfsMount(mnt)) {
            System.err.println("vexfs status: " + mnt + " is not a VexFS mount (see grep vexfs /proc/mounts)");
            return 2;
        }
        Map<String, String> s;
        try {
            s = parse(Files.readString(mnt.resolve(".vexfs/stats"), StandardCharsets.UTF_8));
        } catch (IOException e) {
            System.err.println("vexfs status: cannot read " + mnt.resolve(".vexfs/stats") + ": " + e.getMessage()
                    + (Mounts.isDead(mnt) ? " (the daemon is gone: vexfs mount clears the dead mount)" : ""));
            return 1;
        }
        System.out.print(render(mnt, s));
        return 0;
    }

    static Map<String, String> parse(String stats) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : stats.split("\n")) {
            String t = line.strip();
            int sp = t.indexOf(' ');
            if (sp > 0) m.put(t.substring(0, sp), t.substring(sp).strip());
        }
        return m;
    }

    static String render(Path mnt, Map<String, String> s) {
        long requests = 0, errors = 0;
        for (Map.Entry<String, String> e : s.entrySet()) {
            if (e.getKey().startsWith("op_") && e.getKey().endsWith("_count")) requests += number(e.getValue());
            if (e.getKey().startsWith("op_") && e.getKey().endsWith("_errors")) errors += number(e.getValue());
        }
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "VexFS %s on %s, up %s, libfuse %s, ready in %s ms%n", g(s, "version"), mnt,
                duration(number(g(s, "uptime_s"))), g(s, "libfuse_version"), g(s, "mount_ready_ms")));
        b.append(String.format(Locale.ROOT, "vectors:  %,d (dim %s, %s); store %,d of %,d slots%n",
                number(g(s, "vectors")), g(s, "dimension"), g(s, "metric"), number(g(s, "store_slots")),
                number(g(s, "store_capacity_slots"))));
        b.append(String.format(Locale.ROOT, "graph:    %,d nodes, %,d tombstones, %,d unreachable, M=%s%n",
                number(g(s, "graph_nodes")), number(g(s, "graph_tombstones")),
                number(g(s, "graph_unreachable_nodes")), g(s, "graph_m")));
        if (!"ready".equals(s.get("graph_state")) && s.containsKey("graph_state")) {
            // the graph is being built or checked in the background: searches are exact meanwhile
            b.append(String.format(Locale.ROOT, "          %s (%s), %s/%s slots, %s s; searches %s%n", g(s, "graph_state"),
                    g(s, "graph_build_reason"), g(s, "graph_build_done_slots"), g(s, "graph_build_total_slots"),
                    g(s, "graph_build_seconds"), g(s, "graph_search")));
        }
        b.append(String.format(Locale.ROOT, "searches: %,d (p50 %s µs, p99 %s µs), %,d refused%n",
                number(g(s, "search_count")), g(s, "search_p50_us"), g(s, "search_p99_us"),
                number(g(s, "search_refused"))));
        b.append(String.format(Locale.ROOT, "requests: %,d served, %,d errors, %s in flight%n", requests, errors,
                g(s, "requests_in_flight")));
        b.append(String.format(Locale.ROOT, "modes:    read-only %s, writeback cache %s, direct_io %s, locks %s, "
                        + "kernel passthrough %s%n", g(s, "mode_read_only"), g(s, "mode_writeback_cache"),
                g(s, "mode_direct_io"), g(s, "mode_locks"), g(s, "kernel_passthrough")));
        if (s.containsKey("embed_queue_length")) { // a volume with an embedder (mkfs --embed / --embed-cmd)
            b.append(String.format(Locale.ROOT, "embed:    queue %s, %,d embedded, %,d skipped, %,d failed, %s files/s, "
                            + "model loaded %s; last failure: %s%n", g(s, "embed_queue_length"),
                    number(g(s, "embed_files_embedded")), number(g(s, "embed_files_skipped")),
                    number(g(s, "embed_failures")), g(s, "embed_files_per_s"), g(s, "embed_model_loaded"),
                    g(s, "embed_last_failure")));
        }
        return b.toString();
    }

    private static String g(Map<String, String> s, String key) {
        return s.getOrDefault(key, "?");
    }

    private static long number(String v) {
        try {
            return (long) Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static String duration(long seconds) {
        if (seconds < 60) return seconds + " s";
        if (seconds < 3600) return (seconds / 60) + " min " + (seconds % 60) + " s";
        if (seconds < 86400) return (seconds / 3600) + " h " + (seconds % 3600 / 60) + " min";
        return (seconds / 86400) + " d " + (seconds % 86400 / 3600) + " h";
    }
}
