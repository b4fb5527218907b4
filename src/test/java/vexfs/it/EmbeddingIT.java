package vexfs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Built-in embeddings through a real mount (issue 19): {@code mkfs --embed minilm}, files embedded after their last
 * close, {@code echo sync > /.vexfs/control} waiting for the queue, a vector set by setxattr winning for good,
 * {@code user.vexfs.embed=off} opting a subtree out, text queries in the search file and in {@code vexfs search --text},
 * stats, and work left in the queue at kill -9 done after the remount. The model is the real one (~1 s to load).
 */
@Tag("mount")
class EmbeddingIT {
    @TempDir
    Path tmp;

    static MountFixture.Result in(MountFixture m, String script) throws Exception {
        return MountFixture.sh("set -e; cd '" + m.mnt + "'; " + script);
    }

    static String search(MountFixture m, String query) throws Exception {
        MountFixture.Result r = in(m, "exec 3<>.vexfs/search; printf '%s\\n' \"$Q\" >&3; cat <&3".replace("$Q", query.replace("'", "")));
        assertEquals(0, r.exit(), r.output());
        return r.output();
    }

    static String firstPath(String results) {
        String first = results.lines().findFirst().orElse("");
        String[] f = first.split("\t");
        return f.length >= 3 ? f[2] : "(no results: " + results + ")";
    }

    @Test
    void filesAreEmbeddedAfterCloseAndFoundByText() throws Exception {
        try (MountFixture m = new MountFixture(tmp)) {
            MountFixture.Result mk = MountFixture.cli("mkfs", "--embed", "minilm", m.backing.toString());
            assertEquals(0, mk.exit(), mk.output());
            assertTrue(mk.output().contains("dim 384, metric cosine") && mk.output().contains("embedder minilm"), mk.output());
            m.mount();
            assertTrue(m.log().contains("embedder: minilm (loaded on first use)"), m.log());
            assertTrue(!m.log().contains("all-MiniLM-L6-v2 loaded"), "the model must not load at mount:\n" + m.log());
            MountFixture.Result w = in(m, """
                    mkdir -p shop kernel private
                    echo 'Red leather boots with a rubber sole, for walking in the rain.' > shop/boots.txt
                    echo 'A recipe: bake the bread for forty minutes until the crust is golden.' > bread.md
                    printf 'The scheduler of the Linux kernel assigns threads to processor cores.\\n' > kernel/sched.txt
                    setfattr -n user.vexfs.embed -v off private
                    echo 'Red leather boots, private notes.' > private/boots-too.txt
                    echo 'anything' > manual.txt
                    setfattr -n user.vexfs.vector -v "$(python3 -c 'print(",".join(["0.5"]*384))')" manual.txt
                    echo 'Red leather boots again and again' >> manual.txt
                    printf '\\x00\\x01\\x02binary' > blob.bin
                    echo sync > .vexfs/control
                    cat .vexfs/control
                    """);
            assertEquals(0, w.exit(), w.output());
            assertTrue(w.output().contains("sync done"), w.output());
            assertEquals(0, in(m, "getfattr -n user.vexfs.vector shop/boots.txt >/dev/null").exit());
            assertEquals(0, in(m, "getfattr -n user.vexfs.vector kernel/sched.txt >/dev/null").exit());
            assertNotEquals(0, in(m, "getfattr -n user.vexfs.vector private/boots-too.txt 2>&1").exit(), "opted out");
            assertNotEquals(0, in(m, "getfattr -n user.vexfs.vector blob.bin 2>&1").exit(), "not text");
            assertEquals("off", in(m, "getfattr --only-values -n user.vexfs.embed private").output().strip());
            String manual = in(m, "getfattr --only-values -n user.vexfs.vector manual.txt").output();
            assertTrue(manual.startsWith("0.5,0.5,"), "setxattr wins over the embedder: " + manual);

            assertEquals("/shop/boots.txt", firstPath(search(m, "text=red leather boots")));
            assertEquals("/kernel/sched.txt", firstPath(search(m, "how does linux schedule threads on cpus")));
            assertEquals("/bread.md", firstPath(search(m, "text=baking bread\nk=1")));
            MountFixture.Result bad = in(m, "exec 3<>.vexfs/search; echo '1,2,3' >&3 2>&1 || echo refused");
            assertTrue(bad.output().contains("refused"), "a short vector is still an error: " + bad.output());

            // the query directory: hits as symlinks, as in similar/
            MountFixture.Result q = in(m, "ls .vexfs; ls '.vexfs/query/red leather boots/'; "
                    + "readlink -f '.vexfs/query/red leather boots/01-boots.txt'; ls -l '.vexfs/query/red leather boots/' | wc -l");
            assertEquals(0, q.exit(), q.output());
            List<String> lines = q.output().lines().toList();
            assertTrue(lines.contains("query"), q.output());
            assertTrue(lines.contains("01-boots.txt"), q.output());
            assertTrue(lines.contains(m.mnt.resolve("shop/boots.txt").toString()), q.output());
            assertEquals("01-boots.txt", in(m, "ls '.vexfs/query/rubber soled shoes for rain' | head -1").output().strip());

            String stats = in(m, "cat .vexfs/stats").output();
            assertTrue(stats.matches("(?s).*embed_files_embedded\\s+3\\b.*"), stats);
            assertTrue(stats.matches("(?s).*embed_queue_length\\s+0\\b.*"), stats);
            assertTrue(stats.matches("(?s).*embed_model_loaded\\s+yes.*"), stats);

            MountFixture.Result status = MountFixture.cli("status", m.mnt.toString());
            assertEquals(0, status.exit(), status.output());
            assertTrue(status.output().contains("embed:    queue 0, 3 embedded"), status.output());

            // a rewrite re-embeds: boots.txt becomes about bread
            in(m, "echo 'Sourdough bread: flour, water, salt and a long rise.' > shop/boots.txt; echo sync > .vexfs/control");
            assertEquals("/shop/boots.txt", firstPath(search(m, "text=sourdough flour water salt\nk=1")));

            MountFixture.Result offline = MountFixture.cli("search", "--text", "linux kernel threads", "-k", "1",
                    m.backing.toString());
            assertEquals(0, offline.exit(), offline.output());
            assertTrue(offline.output().contains("/kernel/sched.txt"), offline.output());
        }
    }

    @Test
    void workQueuedAtKill9IsDoneAfterTheRemount() throws Exception {
        Files.createDirectories(tmp.resolve("backing"));
        MountFixture.Result mk = MountFixture.cli("mkfs", "--embed", "minilm", tmp.resolve("backing").toString());
        assertEquals(0, mk.exit(), mk.output());
        // a debounce of a minute: the file is still queued when the daemon is killed
        try (MountFixture m = new MountFixture(tmp).jvmFlags("-Dvexfs.embed.debounceMillis=60000")) {
            m.mount();
            assertEquals(0, in(m, "echo 'Notes about red leather boots' > late.txt").exit());
            Thread.sleep(300);
            assertNotEquals(0, in(m, "getfattr -n user.vexfs.vector late.txt 2>&1").exit(), "not embedded yet");
            m.kill9();
        }
        try (MountFixture m = new MountFixture(tmp)) {
            m.mount();
            MountFixture.Result r = in(m, "echo sync > .vexfs/control; getfattr --only-values -n user.vexfs.vector late.txt");
            assertEquals(0, r.exit(), r.output() + m.log());
            assertEquals(384, r.output().strip().split(",").length);
        }
    }

    @Test
    void anExternalCommandEmbedsAndIsRestartedWhenItDies() throws Exception {
        Path script = tmp.resolve("embed.py");
        // dim 3: [letters, digits, 1]; the text "die" kills the co-process
        Files.writeString(script, """
                import json, sys
                for line in sys.stdin:
                    req = json.loads(line)
                    text = req.get("text", "")
                    if text.strip() == "die":
                        sys.exit(3)
                    if "bytes" in req:
                        print(json.dumps({"error": "no bytes please"}), flush=True)
                        continue
                    print(json.dumps({"vector": [sum(c.isalpha() for c in text), sum(c.isdigit() for c in text), 1]}), flush=True)
                """);
        Files.createDirectories(tmp.resolve("backing"));
        MountFixture.Result mk = MountFixture.cli("mkfs", "--dim", "3", "--embed-cmd", "python3 " + script,
                tmp.resolve("backing").toString());
        assertEquals(0, mk.exit(), mk.output());
        try (MountFixture m = new MountFixture(tmp)) {
            m.mount();
            MountFixture.Result r = in(m, """
                    printf 'abc12' > a.txt
                    echo sync > .vexfs/control
                    printf 'die' > b.txt
                    echo sync > .vexfs/control
                    printf 'xy9' > c.txt
                    echo sync > .vexfs/control
                    getfattr --only-values -n user.vexfs.vector a.txt; echo
                    getfattr --only-values -n user.vexfs.vector c.txt; echo
                    """);
            assertEquals(0, r.exit(), r.output() + m.log());
            assertTrue(r.output().contains("3.0,2.0,1.0") && r.output().contains("2.0,1.0,1.0"), r.output());
            String stats = in(m, "cat .vexfs/stats").output();
            assertTrue(stats.matches("(?s).*embed_failures\\s+1\\b.*"), stats);
            assertTrue(stats.contains("/b.txt: embed command failed twice"), stats);
            assertTrue(m.log().contains("restart 1"), m.log());
        }
    }
}
