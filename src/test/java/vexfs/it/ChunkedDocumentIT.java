package vexfs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Chunks (issue 19, deliverable 3) through a real mount with the real model: a long document is embedded window by
 * window, a text search names it once with its best chunk's byte range (and the bytes there are about the query),
 * {@code similar/} stays per file, verify finds nothing wrong, reindex keeps the chunks, and a rewrite, a vector set
 * by hand and a delete each take the chunks away.
 */
@Tag("mount")
class ChunkedDocumentIT {
    @TempDir
    Path tmp;

    private static final Pattern RANGE = Pattern.compile("\tbytes=(\\d+)-(\\d+)$");

    /** ~260 words about one thing: one sentence with a few variations, so each section is clearly about its topic. */
    private static String section(String... sentences) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; b.length() < 1700; i++) b.append(sentences[i % sentences.length]).append(i % 3 == 2 ? "\n" : " ");
        return b.append("\n\n").toString();
    }

    static final String GARDEN = section("Tomato plants in the vegetable garden need full sun, rich compost and deep watering.",
            "Prune the side shoots of the tomatoes and tie the stems to stakes as the fruit ripens.",
            "Mulch around the seedlings keeps the soil moist and the weeds away from the lettuce beds.");
    static final String VOLCANO = section("The volcano erupted at night and molten lava flowed down the mountain slopes.",
            "Clouds of volcanic ash fell on the villages while the crater glowed red with magma.",
            "Geologists measured the lava temperature and the sulfur gas rising from the vents.");
    static final String CHESS = section("In the opening of a chess game, white moves the king's pawn and develops the knights.",
            "The Sicilian defence answers with the c-pawn and fights for the centre of the board.",
            "Castle early to protect the king, then bring the rooks to the open files.");
    static final String SAILING = section("The sailing boat crossed the ocean through a storm with high waves and strong wind.",
            "The crew reefed the mainsail and steered by the compass through the dark night at sea.",
            "At dawn the harbour lights appeared and the sailors dropped the anchor in the calm bay.");

    static MountFixture.Result in(MountFixture m, String script) throws Exception {
        return MountFixture.sh("set -e; cd '" + m.mnt + "'; " + script);
    }

    static List<String> search(MountFixture m, String query) throws Exception {
        MountFixture.Result r = in(m, "exec 3<>.vexfs/search; printf '%s\\n' '" + query + "' >&3; cat <&3");
        assertEquals(0, r.exit(), r.output());
        return r.output().lines().toList();
    }

    /** The byte range of the first line naming {@code path}; fails if the path is named more than once. */
    static long[] rangeOf(List<String> lines, String path) {
        List<String> mine = lines.stream().filter(l -> l.split("\t").length >= 3 && l.split("\t")[2].equals(path)).toList();
        assertEquals(1, mine.size(), "named exactly once: " + lines);
        Matcher x = RANGE.matcher(mine.get(0));
        assertTrue(x.find(), "a byte range: " + mine.get(0));
        return new long[] {Long.parseLong(x.group(1)), Long.parseLong(x.group(2))};
    }

    static String bytes(byte[] doc, long[] r) {
        return new String(Arrays.copyOfRange(doc, (int) r[0], (int) r[1]), StandardCharsets.UTF_8);
    }

    @Test
    void aLongDocumentIsFoundOnceByItsBestChunk() throws Exception {
        String doc = GARDEN + VOLCANO + CHESS + SAILING;
        byte[] docBytes = doc.getBytes(StandardCharsets.UTF_8);
        MountFixture m = new MountFixture(tmp);
        try {
            assertEquals(0, MountFixture.cli("mkfs", "--embed", "minilm", m.backing.toString()).exit());
            m.mount();
            Files.write(m.mnt.resolve("long.txt"), docBytes);
            in(m, """
                    echo 'Lava and ash from the eruption buried the road near the volcano.' > lava-news.txt
                    echo 'Grandmaster chess tournament: the final game ended in a draw.' > chess-news.txt
                    echo 'Fresh tomatoes and basil from the garden market.' > garden-news.txt
                    echo sync > .vexfs/control
                    """);
            int vectors = Integer.parseInt(m.stat("vectors"));
            assertTrue(vectors >= 3 + 1 + 6, "three short files, the document and its chunks: " + vectors);

            List<String> lava = search(m, "text=molten lava flowing down an erupting volcano\nk=4");
            assertEquals(4, lava.size(), "k files, each once: " + lava);
            long[] r1 = rangeOf(lava, "/long.txt");
            assertTrue(bytes(docBytes, r1).contains("lava"), "the range is the volcano part: " + bytes(docBytes, r1));
            assertTrue(r1[1] - r1[0] < docBytes.length / 2, "a chunk, not the whole file: " + Arrays.toString(r1));
            long[] r2 = rangeOf(search(m, "text=opening moves and defences in a game of chess\nk=4"), "/long.txt");
            assertTrue(bytes(docBytes, r2).contains("chess"), bytes(docBytes, r2));
            assertNotEquals(r1[0], r2[0]);
            // a short file is one window: its range is the whole file
            assertTrue(search(m, "text=tomatoes and basil\nk=1").get(0).matches("1\t[^\t]+\t/garden-news.txt\tbytes=0-49"),
                    search(m, "text=tomatoes and basil\nk=1").toString());

            // similar/ compares files: the document is one neighbour, not its chunks
            List<String> similar = in(m, "ls .vexfs/similar/lava-news.txt").output().lines().toList();
            assertEquals(1, similar.stream().filter(l -> l.endsWith("-long.txt")).count(), similar.toString());
            assertEquals(similar.size(), similar.stream().map(l -> l.substring(l.indexOf('-') + 1)).distinct().count());

            // offline search: the same answer
            MountFixture.Result off = MountFixture.cli("search", "--text", "molten lava flowing down an erupting volcano",
                    "-k", "4", m.backing.toString());
            assertEquals(0, off.exit(), off.output());
            assertTrue(Arrays.equals(r1, rangeOf(off.output().lines().toList(), "/long.txt")), off.output());

            // unmounted: verify finds nothing wrong with the chunks, reindex keeps them (the store is their only copy)
            m.close();
            MountFixture.Result v = MountFixture.cli("verify", m.backing.toString());
            assertEquals(0, v.exit(), v.output());
            MountFixture.Result re = MountFixture.cli("reindex", m.backing.toString());
            assertEquals(0, re.exit(), re.output());
            m.mount();
            assertEquals(vectors, Integer.parseInt(m.stat("vectors")), "reindex kept every chunk");
            assertTrue(Arrays.equals(r1, rangeOf(search(m, "text=molten lava flowing down an erupting volcano\nk=4"),
                    "/long.txt")));

            // a rewrite to one window: the chunks go, the file is its one vector (range = the whole file)
            in(m, "printf 'A short note about lava.\\n' > long.txt; echo sync > .vexfs/control");
            assertEquals(4, Integer.parseInt(m.stat("vectors")), "only the four files' own vectors are left");
            assertTrue(search(m, "text=lava\nk=4").stream().anyMatch(l -> l.endsWith("/long.txt\tbytes=0-25")),
                    search(m, "text=lava\nk=4").toString());

            // long again, then a vector set by hand: it stands for the file, the chunks go, no range
            Files.write(m.mnt.resolve("long.txt"), docBytes);
            in(m, "echo sync > .vexfs/control");
            assertEquals(vectors, Integer.parseInt(m.stat("vectors")));
            in(m, "setfattr -n user.vexfs.vector -v \"$(python3 -c 'print(\",\".join([\"0.1\"]*384))')\" long.txt");
            assertEquals(4, Integer.parseInt(m.stat("vectors")));
            List<String> all = search(m, "text=molten lava\nk=4");
            assertTrue(all.stream().anyMatch(l -> l.endsWith("\t/long.txt")), all.toString());

            // a delete takes every vector of the file
            in(m, "rm long.txt");
            assertEquals(3, Integer.parseInt(m.stat("vectors")));
        } finally {
            m.close();
        }
    }
}
