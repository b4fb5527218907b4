package vexfs.bench;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The command line every ANN harness of scripts/bench-ann shares (docs/bench-ann-protocol.md):
 * {@code --base F --query F --gt F [--m 16] [--efc 200] [--ef 10,20,40,80,160] [--k 10] [--threads 1,2]}, plus the
 * harness's own {@code extraKeys} (values in {@link #extra}). Bad input prints the harness's usage and exits 2.
 * {@code --threads}: the search passes are measured with each of these numbers of threads (one build).
 */
public record AnnArgs(String base, String query, String gt, int m, int efc, int[] efs, int k, int[] threads,
                      Map<String, String> extra) {
    public static AnnArgs parse(String[] args, String harness, String usage, Set<String> extraKeys) {
        String base = null, query = null, gt = null;
        int m = 16, efc = 200, k = 10;
        int[] efs = {10, 20, 40, 80, 160};
        int[] threads = {1};
        Map<String, String> extra = new HashMap<>();
        if (args.length % 2 != 0) fail(harness, usage, "options come in pairs");
        try {
            for (int i = 0; i < args.length; i += 2) {
                String v = args[i + 1];
                switch (args[i]) {
                    case "--base" -> base = v;
                    case "--query" -> query = v;
                    case "--gt" -> gt = v;
                    case "--m" -> m = Integer.parseInt(v);
                    case "--efc" -> efc = Integer.parseInt(v);
                    case "--k" -> k = Integer.parseInt(v);
                    case "--ef" -> efs = Arrays.stream(v.split(",")).mapToInt(Integer::parseInt).toArray();
                    case "--threads" -> threads = Arrays.stream(v.split(",")).mapToInt(Integer::parseInt).toArray();
                    default -> {
                        if (!extraKeys.contains(args[i])) fail(harness, usage, "unknown option " + args[i]);
                        extra.put(args[i], v);
                    }
                }
            }
        } catch (NumberFormatException e) {
            fail(harness, usage, "not a number: " + e.getMessage());
        }
        if (base == null || query == null || gt == null) fail(harness, usage, "--base, --query and --gt are required");
        if (Arrays.stream(threads).anyMatch(t -> t < 1 || t > 256)) fail(harness, usage, "--threads: 1..256 each");
        return new AnnArgs(base, query, gt, m, efc, efs, k, threads, Map.copyOf(extra));
    }

    public static void fail(String harness, String usage, String why) {
        System.err.println(harness + ": " + why);
        System.err.println("usage: " + usage);
        System.exit(2);
    }
}
