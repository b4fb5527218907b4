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

    /**
     * A selective {@code under=} is answered from the directory's set of slots, one set for every caller; what a
     * caller may see still narrows it: nobody gets the visible files of the directory only, root all of them, and
     * the hidden ones never become nobody's candidates. (Far from the other test's query vector, so that test's
     * results are the same in either order.)
     */
    @Test
    void aDirectorysSetOfSlotsIsNarrowedToWhatTheCallerMaySee() throws Exception {
        String setup = String.join(" && ", "cd '" + m.mnt + "'", "umask 022", "mkdir -p sel/hid bulk",
                "for i in 1 2 3; do echo v > sel/v$i && setfattr -n user.vexfs.vector -v 9,9,9,$i sel/v$i; done",
                "for i in 1 2 3; do echo h > sel/hid/h$i && setfattr -n user.vexfs.vector -v 9,9,9,0.$i sel/hid/h$i; done",
                "for i in $(seq 1 300); do echo b > bulk/b$i && setfattr -n user.vexfs.vector -v 5,5,5,$i bulk/b$i; done",
                "chmod 700 sel/hid");
        var made = MountFixture.sh(setup);
        assertEquals(0, made.exit(), made.output());
        long sets = Long.parseLong(m.stat("search_directory_sets_collected"));
        long before = dropped();
        String q = "9,9,9,0";
        var root = MountFixture.sh(query(q, "k=10\nunder=/sel"));
        assertEquals(List.of("/sel/hid/h1", "/sel/hid/h2", "/sel/hid/h3", "/sel/v1", "/sel/v2", "/sel/v3"),
                root.output().lines().toList(), "root: " + root.output());
        var nobody = MountFixture.asNobody(null, query(q, "k=10\nunder=/sel"));
        assertEquals(0, nobody.exit(), nobody.output());
        assertEquals(List.of("/sel/v1", "/sel/v2", "/sel/v3"), nobody.output().lines().toList());
        assertEquals(sets + 1, Long.parseLong(m.stat("search_directory_sets_collected")),
                "6 of ~520 slots: collected once, by root's search, and used for nobody's too");
        assertEquals(before, dropped(), "the hidden files were never nobody's candidates");
    }

    private String query(String vector, String options) {
        return "exec 3<>'" + m.mnt + "/.vexfs/search' && printf '" + vector + "\\n" + options + "\\n' >&3 && cut -f3 <&3";
    }

    private long dropped() throws Exception {
        var rows = ControlAccessIT.StatusRows.parse(MountFixture.sh("cat '" + m.mnt + "/.vexfs/stats'").output());
        return Long.parseLong(rows.get("search_hits_dropped"));
    }
}
