package vexfs.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import vexfs.control.QueryParser;
import vexfs.embed.EmbedException;
import vexfs.embed.Embedder;
import vexfs.embed.Embedders;
import vexfs.control.ResultLine;
import vexfs.libc.FsException;
import vexfs.store.InvalidVectorException;
import vexfs.store.VectorCodec;
import vexfs.store.VectorStore;
import vexfs.volume.MountPath;
import vexfs.volume.OfflineSearch;
import vexfs.volume.VolumeLayout;

@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Answer a nearest-neighbour query on BACKING without a mount, in the format of /.vexfs/search: "
                + "one line per hit, rank<TAB>distance<TAB>/path (relative to the mount root).",
                "Opens the store and the HNSW graph read-only and memory-mapped; when the graph is missing or has "
                        + "unsynced changes (e.g. mounted and changed since the last sync) it searches exactly. "
                        + "Works while BACKING is mounted."})
final class SearchCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "BACKING")
    Path backing;

    @ArgGroup(exclusive = true, multiplicity = "1")
    QuerySource source;

    static final class QuerySource {
        @Option(names = "--vector", paramLabel = "CSV", description = "the query vector, comma separated")
        String csv;

        @Option(names = "--file", paramLabel = "PATH", description = "a file whose first line is the query vector (CSV); - reads stdin")
        Path file;

        @Option(names = "--text", paramLabel = "TEXT",
                description = "a text query, embedded with the store's embedder (mkfs --embed / --embed-cmd)")
        String text;
    }

    @Option(names = "-k", paramLabel = "K", defaultValue = "10", description = "number of results (default ${DEFAULT-VALUE})")
    int k;

    @Option(names = "--ef", paramLabel = "N", description = "HNSW search breadth (default: the volume's, set by mkfs --ef)")
    Integer ef;

    @Option(names = "--under", paramLabel = "DIR", description = "only files below DIR (relative to the mount root, e.g. /images/sneaker)")
    String under;

    @Option(names = "--exact", description = "scan every vector instead of using the graph")
    boolean exact;

    @Option(names = {"-v", "--verbose"}, description = "say on stderr whether the graph or an exact scan answered")
    boolean verbose;

    /** Longest first line of a query file read (a 4096-dim CSV of 17-character values is ~70 KiB). */
    static final int MAX_QUERY_BYTES = 1 << 20;

    /**
     * The first line of {@code in} (UTF-8, without its newline), reading at most {@link #MAX_QUERY_BYTES} bytes; null
     * if the line is longer (so /dev/zero or a huge file is refused instead of filling the heap).
     */
    static String firstLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        while (line.size() <= MAX_QUERY_BYTES) {
            int n = in.read(buf, 0, (int) Math.min(buf.length, MAX_QUERY_BYTES + 1L - line.size()));
            if (n < 0) break;
            for (int i = 0; i < n; i++) {
                if (buf[i] == '\n') {
                    line.write(buf, 0, i);
                    return line.toString(StandardCharsets.UTF_8);
                }
            }
            line.write(buf, 0, n);
        }
        return line.size() > MAX_QUERY_BYTES ? null : line.toString(StandardCharsets.UTF_8);
    }

    @Override
    public Integer call() throws Exception {
        VolumeLayout.of(backing).requireAccess(false); // a private store: refused with exit 2, never read as another user
        if (!VolumeLayout.of(backing).hasStore()) {
            System.err.println("vexfs search: " + backing + " has no vector store (run vexfs mkfs first)");
            return 2;
        }
        if (k < 1 || k > QueryParser.MAX_K || (ef != null && (ef < 1 || ef > QueryParser.MAX_EF))) {
            System.err.println("vexfs search: -k must be 1.." + QueryParser.MAX_K + " and --ef 1.." + QueryParser.MAX_EF);
            return 2;
        }
        MountPath dirUnder;
        try {
            dirUnder = under == null ? null : MountPath.normalise(under);
        } catch (FsException e) {
            System.err.println("vexfs search: " + e.getMessage());
            return 2;
        }
        String text;
        if (source.text != null) {
            text = null;
        } else if (source.csv != null) {
            text = source.csv;
        } else {
            try (InputStream in = source.file.toString().equals("-") ? System.in : Files.newInputStream(source.file)) {
                text = firstLine(in);
            }
            if (text == null) {
                System.err.println("vexfs search: the query's first line is longer than " + MAX_QUERY_BYTES
                        + " bytes (" + source.file + ")");
                return 2;
            }
        }
        if (text != null) {
            text = text.strip();
            int nl = text.indexOf('\n');
            if (nl >= 0) text = text.substring(0, nl).strip();
        }
        try (OfflineSearch s = OfflineSearch.open(backing)) {
            float[] q;
            if (source.text != null) {
                q = embed(s, source.text);
                if (q == null) return 2;
            } else {
                try {
                    q = VectorCodec.parseCsv(text, s.dimension());
                } catch (InvalidVectorException e) {
                    System.err.println("vexfs search: bad query vector: " + e.getMessage());
                    return 2;
                }
            }
            OfflineSearch.Result r;
            try {
                r = s.search(q, k, ef != null ? ef : s.defaultEf(), dirUnder, exact);
            } catch (FsException e) {
                System.err.println("vexfs search: " + (dirUnder != null ? dirUnder + ": " : "") + e.getMessage());
                return 2;
            }
            if (verbose) System.err.println("vexfs search: " + (r.graph() ? "HNSW graph" : r.note()));
            // the paths are the names' bytes (not necessarily UTF-8): written as bytes, not through a String
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int i = 0; i < r.hits().size(); i++) {
                OfflineSearch.Hit h = r.hits().get(i);
                ResultLine.append(out, i + 1, h.distance(), h.path(), h.rangeStart(), h.rangeEnd());
            }
            System.out.write(out.toByteArray());
            System.out.flush();
            return 0;
        }
    }

    /** The text's vector by the store's embedder, or null (the reason printed) when it has none or it fails. */
    private static float[] embed(OfflineSearch s, String text) {
        if (text.isBlank()) {
            System.err.println("vexfs search: --text is empty");
            return null;
        }
        try (Embedder e = Embedders.open(s.embedder(), s.dimension())) {
            if (e == null) {
                System.err.println("vexfs search: this store has no embedder (made without mkfs --embed): give --vector");
                return null;
            }
            return e.embedText("", text);
        } catch (EmbedException e) {
            System.err.println("vexfs search: text query: " + e.getMessage());
            return null;
        }
    }
}
