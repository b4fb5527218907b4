package vexfs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rest of /.vexfs through a real mount (dim 4, l2, -o similar_k=3): similar/ directories of neighbour links,
 * stats and stats.json, control commands, and the hidden-but-reachable tree that tools never walk into.
 */
@Tag("mount")
class ControlTreeIT {
    @TempDir
    static Path tmp;
    static MountFixture m;

    @BeforeAll
    static void mount() throws Exception {
        m = new MountFixture(tmp, "similar_k=3").mkfs(4, "l2").mount();
        var r = sh("mkdir -p d/sub && for i in 1 2 3 4 5 6; do echo content$i > d/a$i; setfattr -n user.vexfs.vector -v \"$i,0,0,0\" d/a$i; done"
                + " && echo deep > d/sub/deep && setfattr -n user.vexfs.vector -v 3.4,0,0,0 d/sub/deep && echo none > d/novector");
        assertEquals(0, r.exit(), r.output());
    }

    @AfterAll
    static void unmount() throws Exception {
        if (m != null) m.close();
    }

    static MountFixture.Result sh(String script) throws Exception {
        return MountFixture.sh("umask 022; cd '" + m.mnt + "' && " + script);
    }

    @Test
    void similarListsTheNearestOtherFilesAsLinksToTheRealFiles() throws Exception {
        var r = sh("ls -l .vexfs/similar/d/a3/");
        assertEquals(0, r.exit(), r.output());
        List<String> names = Files.list(m.mnt.resolve(".vexfs/similar/d/a3")).map(p -> p.getFileName().toString()).sorted().toList();
        assertEquals(List.of("01-deep", "02-a2", "03-a4"), names, "k=3 from -o similar_k=3, the file itself excluded");
        assertTrue(r.output().contains("01-deep -> ../../../../d/sub/deep"), r.output());
        assertTrue(r.output().startsWith("total"), r.output());
        for (String n : names) assertTrue(r.output().matches("(?s).*\nl[rwx-]{9} .* " + n + " -> .*"), r.output());
        var link = sh("readlink -f .vexfs/similar/d/a3/02-a2 && cat .vexfs/similar/d/a3/02-a2"
                + " && stat -L -c %i .vexfs/similar/d/a3/02-a2 d/a2");
        assertEquals(0, link.exit(), link.output());
        String[] lines = link.output().split("\n");
        assertEquals(m.mnt.resolve("d/a2").toString(), lines[0]);
        assertEquals("content2", lines[1]);
        assertEquals(lines[2], lines[3], "the link resolves to the real file's inode");
        // directories mirror the tree; the store directory is not mirrored
        var dir = sh("ls .vexfs/similar/ && ls .vexfs/similar/d");
        assertEquals("d\na1\na2\na3\na4\na5\na6\nnovector\nsub\n", dir.output());
        assertNotEquals(0, sh("ls .vexfs/similar/d/novector/").exit(), "a file without a vector has no neighbours");
        assertNotEquals(0, sh("ls .vexfs/similar/d/missing/").exit());
        assertNotEquals(0, sh("ls -d .vexfs/similar/.vexfs").exit());
    }

    /** A flat JSON object of string and number values, as stats.json promises. */
    static Map<String, String> parseFlatJson(String json) {
        String body = json.strip();
        assertTrue(body.startsWith("{") && body.endsWith("}"), json);
        body = body.substring(1, body.length() - 1).strip();
        Map<String, String> out = new LinkedHashMap<>();
        Matcher mm = Pattern.compile("\\s*\"([^\"\\\\]*)\"\\s*:\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|-?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?)\\s*(,|$)")
                .matcher(body);
        int at = 0;
        while (at < body.length()) {
            assertTrue(mm.find(at) && mm.start() == at, "not a flat JSON object at " + at + ": " + body.substring(at));
            out.put(mm.group(1), mm.group(2));
            at = mm.end();
        }
        return out;
    }

    @Test
    void statsAndStatsJsonDescribeStoreGraphAndRequests() throws Exception {
        // reading a control file makes a READ at the daemon in every mode (d/a1's may be kernel passthrough)
        sh("cat d/a1 >/dev/null; cat .vexfs/stats >/dev/null; ls -l d >/dev/null");
        String text = Files.readString(m.mnt.resolve(".vexfs/stats"));
        Map<String, String> json = parseFlatJson(Files.readString(m.mnt.resolve(".vexfs/stats.json")));
        for (String key : List.of("dimension", "metric", "vectors", "deleted_slots", "graph_nodes", "graph_tombstones",
                "graph_levels", "graph_level0_nodes", "graph_mean_degree_level0", "store_bytes_mapped", "graph_bytes_mapped",
                "bytes_mapped", "requests_in_flight", "max_stack_depth_frames", "op_lookup_count", "op_lookup_p50_us",
                "op_lookup_p99_us", "op_read_count", "op_setxattr_count", "op_setxattr_p99_us")) {
            assertTrue(json.containsKey(key), key + " missing from stats.json: " + json.keySet());
            assertTrue(text.matches("(?s)(.*\n)?" + key + " +\\S+\n.*"), key + " missing from stats:\n" + text);
        }
        assertEquals("4", json.get("dimension"));
        assertEquals("\"l2\"", json.get("metric"));
        assertEquals("7", json.get("vectors"));
        assertEquals("7", json.get("graph_nodes"));
        assertTrue(Long.parseLong(json.get("bytes_mapped")) >= Long.parseLong(json.get("store_bytes_mapped"))
                + Long.parseLong(json.get("graph_bytes_mapped")) && Long.parseLong(json.get("graph_bytes_mapped")) > 0);
        assertTrue(Integer.parseInt(json.get("requests_in_flight")) >= 1, "the open of stats.json itself is in flight");
        int depth = Integer.parseInt(json.get("max_stack_depth_frames"));
        assertTrue(depth > 0 && depth < 200, "stack depth " + depth);
        assertTrue(Long.parseLong(json.get("op_setxattr_count")) >= 7);
        assertTrue(Double.parseDouble(json.get("op_lookup_p99_us")) >= Double.parseDouble(json.get("op_lookup_p50_us")));
        assertTrue(Double.parseDouble(json.get("graph_mean_degree_level0")) > 0);
    }

    static String control(String cmd) throws Exception {
        Files.writeString(m.mnt.resolve(".vexfs/control"), cmd + "\n");
        long deadline = System.nanoTime() + 20_000_000_000L;
        String s;
        do {
            s = Files.readString(m.mnt.resolve(".vexfs/control"));
            if (!s.contains("running")) return s;
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        return s;
    }

    @Test
    void controlCommandsRunAndReadingShowsTheirState() throws Exception {
        assertTrue(control("sync").matches("sync done in \\d+ ms: synced\n"), control("sync"));
        String v = control("verify");
        assertTrue(v.startsWith("verify done in ") && !v.contains("failed"), v);
        sh("setfattr -x user.vexfs.vector d/a6");
        String c = control("compact");
        assertTrue(c.matches("(?s)compact done in \\d+ ms: compacted: \\d+ tombstones removed\n"), c);
        String r = control("reindex");
        // a fresh graph beside the live one, swapped in when complete (not re-inserts into the live graph)
        assertTrue(r.matches("reindex done in \\d+ ms: reindexed 6 vectors: built a fresh graph of 6 nodes in .*\n"), r);
        IOException e = assertThrows(IOException.class, () -> Files.writeString(m.mnt.resolve(".vexfs/control"), "frobnicate\n"));
        assertTrue(String.valueOf(e.getMessage()).contains("Invalid argument") || e.toString().contains("Invalid argument"), e.toString());
        assertTrue(Files.readString(m.mnt.resolve(".vexfs/control")).startsWith("reindex done"), "a refused command changes nothing");
        var sh = sh("echo sync > .vexfs/control && cat .vexfs/control");
        assertTrue(sh.output().startsWith("sync "), sh.output());
        // search still answers after all of that
        var q = sh("exec 3<>.vexfs/search; echo 2,0,0,0 >&3; echo k=1 >&3; cat <&3");
        assertEquals("1\t0.0\t/d/a2\n", q.output());
        sh("setfattr -n user.vexfs.vector -v 6,0,0,0 d/a6");
    }

    @Test
    void controlNodesHaveNoXattrsAndSayItWithoutAnError() throws Exception {
        // getfattr -d lists with a buffer: an empty list, not EIO (the size query alone said 0)
        var r = sh("getfattr -d .vexfs/stats .vexfs/search .vexfs .vexfs/similar; echo rc=$?");
        assertEquals("rc=0\n", r.output());
        var one = sh("getfattr -n user.x .vexfs/stats 2>&1; true");
        assertTrue(one.output().contains("No such attribute"), one.output());
    }

    @Test
    void theControlTreeIsReachableButNeverListedNorWalked() throws Exception {
        var r = sh("ls -a; echo --; ls .vexfs; echo --; stat -c %F .vexfs; find . | grep -c vexfs; true");
        assertEquals(".\n..\nd\n--\ncontrol\nsearch\nsimilar\nstats\nstats.json\n--\ndirectory\n0\n", r.output());
        Path copies = Files.createDirectories(tmp.resolve("copies"));
        var tools = MountFixture.sh("umask 022; cd '" + copies + "' && cp -a '" + m.mnt + "' cpa && rsync -a '" + m.mnt
                + "/' rs/ && tar cf t.tar -C '" + m.mnt + "' . && tar tf t.tar && du -a '" + m.mnt + "' >/dev/null"
                + " && find cpa rs | sort");
        assertEquals(0, tools.exit(), tools.output());
        assertFalse(tools.output().contains("vexfs"), "a tool walked into /.vexfs or the store: " + tools.output());
        assertTrue(tools.output().contains("cpa/d/sub/deep") && tools.output().contains("rs/d/a1"), tools.output());
        // the backing store directory never shows through the mount
        assertTrue(Files.exists(m.backing.resolve(".vexfs/vectors.vxv")));
        for (String name : List.of("vectors.vxv", "graph.vxg")) {
            assertFalse(Files.exists(m.mnt.resolve(".vexfs").resolve(name)), name + " visible through the mount");
        }
        // and the tree cannot be changed
        for (String cmd : List.of("touch .vexfs/x", "rm .vexfs/stats", "mkdir .vexfs/similar/x", "mv .vexfs/stats .vexfs/s2",
                "rm -r .vexfs", "mkdir .vexfs", "ln -s x .vexfs/similar/d/a1/zz", "chmod 777 .vexfs/search")) {
            assertNotEquals(0, sh(cmd + " 2>/dev/null").exit(), cmd + " succeeded");
        }
        assertTrue(Files.exists(m.mnt.resolve(".vexfs/stats")) && Files.readString(m.mnt.resolve(".vexfs/stats")).contains("vectors"));
    }
}
