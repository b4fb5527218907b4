package vexfs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The control tree (/.vexfs) as user nobody on an allow_other mount, with and without default_permissions (without
 * it the daemon's own checks are all there is): nobody reads stats as aggregate figures only (numbers and setting
 * keywords, no free text that could name a file: stats_view aggregate), and so does {@code vexfs status} run as
 * nobody; root reads everything. Control commands from nobody are refused with EACCES and logged once; nothing in
 * /.vexfs can be created, removed, renamed, chmod-ed or given an xattr by nobody; its search never shows a file in a
 * 0700 directory. Root's control commands still work afterwards.
 */
@Tag("mount")
class ControlAccessIT {
    static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
    static final String SECRET = "secretdir";

    @Test
    void withoutDefaultPermissions(@TempDir Path tmp) throws Exception {
        check(tmp, "allow_other");
    }

    @Test
    void withDefaultPermissions(@TempDir Path tmp) throws Exception {
        check(tmp, "allow_other,default_permissions");
    }

    private static void check(Path tmp, String options) throws Exception {
        MountFixture.sh("chmod 755 '" + tmp + "'");
        NobodyCli cli = new NobodyCli(tmp.resolve("cli"));
        try (MountFixture m = new MountFixture(tmp, options).mkfs(4, "l2").mount()) {
            String mnt = m.mnt.toString();
            var setup = MountFixture.sh(String.join(" && ", "cd '" + mnt + "'", "mkdir -m 700 " + SECRET,
                    "echo s > " + SECRET + "/hidden.txt", "setfattr -n user.vexfs.vector -v 1,0,0,0 " + SECRET + "/hidden.txt",
                    "echo o > open.txt", "setfattr -n user.vexfs.vector -v 0,1,0,0 open.txt"));
            assertEquals(0, setup.exit(), setup.output());

            // stats: root sees every row, nobody the aggregate view
            Map<String, String> root = StatusRows.parse(MountFixture.sh("cat '" + mnt + "/.vexfs/stats'").output());
            assertEquals("full", root.get("stats_view"));
            assertTrue(root.containsKey("graph_last_build"), root.toString());
            var r = MountFixture.asNobody("cat '" + mnt + "/.vexfs/stats'");
            assertEquals(0, r.exit(), r.output());
            Map<String, String> nobody = StatusRows.parse(r.output());
            assertEquals("aggregate", nobody.get("stats_view"));
            assertEquals("2", nobody.get("vectors"), "aggregate figures are there");
            assertFalse(nobody.containsKey("graph_last_build"), "free text is not");
            assertFalse(nobody.containsKey("graph_build_reason"));
            for (Map.Entry<String, String> e : nobody.entrySet()) {
                boolean keyword = List.of("dimension", "metric", "graph_state", "graph_search", "version", "libfuse_version",
                        "kernel_passthrough", "embed_model_loaded", "stats_view").contains(e.getKey())
                        || e.getKey().startsWith("mode_");
                assertTrue(keyword || NUMBER.matcher(e.getValue()).matches(), "a non-aggregate row for nobody: " + e);
            }
            assertFalse(r.output().contains(SECRET) || r.output().contains("hidden"), r.output());
            var json = MountFixture.asNobody("cat '" + mnt + "/.vexfs/stats.json'");
            assertTrue(json.output().contains("\"stats_view\": \"aggregate\""), json.output());
            assertFalse(json.output().contains("graph_last_build"), json.output());
            var status = MountFixture.asNobody(cli.command("status", mnt));
            assertEquals(0, status.exit(), status.output());
            assertTrue(status.output().contains("vectors:  2 "), status.output());

            // control commands: refused for nobody (EACCES), logged once for the burst; root's still run
            for (int i = 0; i < 3; i++) {
                var c = MountFixture.asNobody("echo sync > '" + mnt + "/.vexfs/control'");
                assertNotEquals(0, c.exit());
                assertTrue(c.output().contains("Permission denied"), c.output());
            }
            assertEquals(options.contains("default_permissions") ? 0 : 1, count(m.log(), "control: refused"),
                    "one line for nobody's three refusals (with default_permissions the kernel refuses first)");
            assertEquals(0, MountFixture.sh("echo sync > '" + mnt + "/.vexfs/control'").exit(), "root's sync runs");

            // nothing in /.vexfs changes for nobody
            String c = mnt + "/.vexfs";
            for (String op : List.of("touch '" + c + "/new'", "mkdir '" + c + "/d'", "rm -f '" + c + "/stats'",
                    "mv '" + c + "/stats' '" + c + "/s2'", "mv '" + c + "' '" + mnt + "/moved'", "chmod 777 '" + c + "/control'",
                    "chown 65534 '" + c + "/control'", "setfattr -n user.x -v 1 '" + c + "/control'",
                    "setfattr -n user.vexfs.vector -v 1,0,0,0 '" + c + "/stats'", "ln -s /etc '" + c + "/l'",
                    "ln '" + c + "/stats' '" + mnt + "/hardlink'", "echo x > '" + c + "/stats'")) {
                var o = MountFixture.asNobody(op);
                assertNotEquals(0, o.exit(), "nobody: " + op + " -> " + o.output());
            }
            var after = MountFixture.sh("ls -la '" + c + "' && ls '" + mnt + "'");
            assertEquals(List.of("control", "search", "similar", "stats", "stats.json"),
                    MountFixture.sh("ls '" + c + "'").output().lines().toList(), after.output());
            assertFalse(after.output().contains("moved") || after.output().contains("hardlink"), after.output());

            // search as nobody: the file it can read, never the one in the 0700 directory
            var s = MountFixture.asNobody("exec 3<>'" + c + "/search' && printf '1,0,0,0\\nk=10\\n' >&3 && cut -f3 <&3");
            assertEquals(List.of("/open.txt"), s.output().lines().toList(), s.output());
        }
    }

    static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) n++;
        return n;
    }

    /** "key value" rows of /.vexfs/stats. */
    static final class StatusRows {
        static Map<String, String> parse(String stats) {
            Map<String, String> m = new java.util.LinkedHashMap<>();
            for (String line : stats.split("\n")) {
                String[] kv = line.strip().split("\\s+", 2);
                if (kv.length == 2) m.put(kv[0], kv[1]);
            }
            return m;
        }
    }
}
