package vexfs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Search as nobody beside a directory it cannot list ({@code -o allow_other,default_permissions}). */
@Tag("mount")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HiddenDirectorySearchIT {
    Path tmp;
    MountFixture m;

    @BeforeAll
    void mount() throws Exception {
        tmp = Files.createTempDirectory("vexfs-hidden-it");
        MountFixture.sh("chmod 755 '" + tmp + "'");
        m = new MountFixture(tmp, "allow_other,default_permissions").mkfs(4, "l2").mount();
    }

    @AfterAll
    void unmount() throws Exception {
        if (m != null) m.close();
        MountFixture.sh("rm -rf '" + tmp + "'");
    }

    /**
     * Filter first (issue 17, item 5): the vectors of a directory nobody cannot list never become candidates of
     * nobody's search, so neither its results nor its time depend on how many that directory holds. Checked by the
     * daemon's count of hits dropped after a search (root's stats): a hidden file that had been a candidate would
     * have been dropped there, and dropping is what made the search widen and take longer (111 ms vs 16 ms).
     * {@code under=} the hidden directory itself is refused before any search.
     */
    @Test
    void hiddenDirectoriesNeverBecomeCandidates() throws Exception {
        String setup = String.join(" && ", "cd '" + m.mnt + "'", "umask 022", "mkdir -p near/hidden",
                "for i in $(seq 1 12); do echo p > near/p$i && setfattr -n user.vexfs.vector -v 0,0,1,0.$((50 + i)) near/p$i; done",
                "for i in $(seq 1 200); do echo h > near/hidden/h$i && setfattr -n user.vexfs.vector -v 0,0,1,0.00$i near/hidden/h$i; done",
                "chmod 700 near/hidden");
        var made = MountFixture.sh(setup);
        assertEquals(0, made.exit(), made.output());
        String q = "0,0,1,0";
        var root = MountFixture.sh(query(q, "k=10\nunder=/near"));
        assertTrue(root.output().lines().allMatch(l -> l.startsWith("/near/hidden/")), "root: " + root.output());
        long before = dropped();
        List<String> visible = java.util.stream.IntStream.rangeClosed(1, 10).mapToObj(i -> "/near/p" + i).toList();
        for (String opts : List.of("k=10\nunder=/near", "k=10", "k=10\nunder=/")) {
            var r = MountFixture.asNobody(null, query(q, opts));
            assertEquals(0, r.exit(), opts + ": " + r.output());
            assertEquals(visible, r.output().lines().toList(), opts);
        }
        var ls = MountFixture.asNobody(null, "ls '" + m.mnt + "/.vexfs/similar/near/p1'");
        assertEquals(0, ls.exit(), ls.output());
        assertFalse(ls.output().contains("h"), "similar/ of a visible file: " + ls.output());
        assertEquals(before, dropped(), "nobody's searches dropped hidden hits: they had been candidates");
        var refused = MountFixture.asNobody(null, query(q, "k=10\nunder=/near/hidden"));
        assertTrue(refused.output().contains("Permission denied"), refused.output());
        var absent = MountFixture.asNobody(null, query(q, "k=10\nunder=/near/absent"));
        assertTrue(absent.output().contains("No such file"), absent.output());
        var hiddenAbsent = MountFixture.asNobody(null, query(q, "k=10\nunder=/near/hidden/absent"));
        assertTrue(hiddenAbsent.output().contains("Permission denied"), "inside a hidden directory a missing name"
                + " must not differ from a present one: " + hiddenAbsent.output());
    }

    private String query(String vector, String options) {
        return "exec 3<>'" + m.mnt + "/.vexfs/search' && printf '" + vector + "\\n" + options + "\\n' >&3 && cut -f3 <&3";
    }

    private long dropped() throws Exception {
        var rows = ControlAccessIT.StatusRows.parse(MountFixture.sh("cat '" + m.mnt + "/.vexfs/stats'").output());
        return Long.parseLong(rows.get("search_hits_dropped"));
    }
}
