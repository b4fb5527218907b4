package vexfs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The filters beside {@code under=} (issue 19, deliverable 4): {@code name=} (a glob on the file name),
 * {@code newer=} and {@code older=} (modification time), alone and together, applied before a file becomes a
 * candidate, so k results come back even when hundreds of nearer files fail the filter; bad values are EINVAL with
 * a reason.
 */
@Tag("mount")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchFiltersIT {
    Path tmp;
    MountFixture m;

    @BeforeAll
    void mount() throws Exception {
        tmp = Files.createTempDirectory("vexfs-filters-it");
        m = new MountFixture(tmp).mkfs(4, "l2").mount();
        String setup = String.join(" && ", "cd '" + m.mnt + "'", "mkdir docs other",
                "echo a > docs/a.pdf && setfattr -n user.vexfs.vector -v 1,0,0,0 docs/a.pdf && touch -d 2025-01-01 docs/a.pdf",
                "echo b > docs/b.txt && setfattr -n user.vexfs.vector -v 1,0.1,0,0 docs/b.txt && touch -d 2026-06-01 docs/b.txt",
                "echo c > docs/c.pdf && setfattr -n user.vexfs.vector -v 1,0.2,0,0 docs/c.pdf && touch -d 2026-06-01 docs/c.pdf",
                "echo d > docs/d.PDF && setfattr -n user.vexfs.vector -v 1,0.05,0,0 docs/d.PDF",
                "echo e > other/e.pdf && setfattr -n user.vexfs.vector -v 1,0.15,0,0 other/e.pdf && touch -d 2024-01-01 other/e.pdf",
                // 300 nearer files that fail name=*.pdf: the filter must come first, not drop hits afterwards
                "mkdir near && for i in $(seq 1 300); do echo n > near/n$i.txt && setfattr -n user.vexfs.vector"
                        + " -v 1,0,0,0.00$i near/n$i.txt && touch -d 2023-01-01 near/n$i.txt; done");
        var r = MountFixture.sh(setup);
        assertEquals(0, r.exit(), r.output());
    }

    @AfterAll
    void unmount() throws Exception {
        if (m != null) m.close();
        MountFixture.sh("rm -rf '" + tmp + "'");
    }

    private List<String> search(String options) throws Exception {
        return searchFor("1,0,0,0", options);
    }

    /**
     * A file moved behind the mount's back out of the under= directory is not reported as below it, and is found
     * below its new one. (The filters read the path hint, memory only; the re-check of each hit on its verified path
     * covers a hint that goes stale during one search, a window this test cannot hit on purpose.)
     */
    @Test
    void aFileMovedBehindTheMountIsJudgedWhereItIsNow() throws Exception {
        var r = MountFixture.sh(String.join(" && ", "cd '" + m.mnt + "'", "mkdir -p moved/from moved/to",
                "echo x > moved/from/x.txt && setfattr -n user.vexfs.vector -v 7,7,7,7 moved/from/x.txt",
                "echo y > moved/from/y.txt && setfattr -n user.vexfs.vector -v 7,7,7,8 moved/from/y.txt"));
        assertEquals(0, r.exit(), r.output());
        assertEquals(List.of("/moved/from/x.txt", "/moved/from/y.txt"), searchFor("7,7,7,7", "k=2\\nunder=/moved/from"));
        // the backing directory itself, not through the mount: the hint still says moved/from/x.txt
        Files.move(m.backing.resolve("moved/from/x.txt"), m.backing.resolve("moved/to/x.txt"));
        assertEquals(List.of("/moved/from/y.txt"), searchFor("7,7,7,7", "k=2\\nunder=/moved/from"));
        assertEquals(List.of("/moved/to/x.txt"), searchFor("7,7,7,7", "k=1\\nunder=/moved/to"));
    }

    /**
     * A selective {@code under=} is answered from the directory's set of slots, collected once and kept between
     * searches; a file given a vector below it (a new slot, a new hint) is found by the very next search, and a file
     * renamed out of it through the mount is gone from it. (Its files are old and .txt: the other tests' time and
     * name filters never pass them, whatever the order the tests run in.)
     */
    @Test
    void aSelectiveUnderIsCollectedOnceAndFollowsChanges() throws Exception {
        var r = MountFixture.sh(String.join(" && ", "cd '" + m.mnt + "'", "mkdir -p few",
                "echo p > few/p.txt && setfattr -n user.vexfs.vector -v 3,3,3,3 few/p.txt && touch -d 2022-01-01 few/p.txt",
                "echo q > few/q.txt && setfattr -n user.vexfs.vector -v 3,3,3,4 few/q.txt && touch -d 2022-01-01 few/q.txt"));
        assertEquals(0, r.exit(), r.output());
        long before = Long.parseLong(m.stat("search_directory_sets_collected"));
        assertEquals(List.of("/few/p.txt", "/few/q.txt"), searchFor("3,3,3,3", "k=5\nunder=/few"));
        assertEquals(List.of("/few/p.txt", "/few/q.txt"), searchFor("3,3,3,3", "k=5\nunder=/few"));
        assertEquals(before + 1, Long.parseLong(m.stat("search_directory_sets_collected")),
                "two files of ~310: collected by the first search, kept for the second");
        r = MountFixture.sh("cd '" + m.mnt + "' && echo s > few/s.txt && setfattr -n user.vexfs.vector -v 3,3,3,3.5 few/s.txt"
                + " && touch -d 2022-01-01 few/s.txt && mv few/p.txt other/p.txt");
        assertEquals(0, r.exit(), r.output());
        assertEquals(List.of("/few/s.txt", "/few/q.txt"), searchFor("3,3,3,3", "k=5\nunder=/few"));
        assertEquals(List.of("/other/p.txt"), searchFor("3,3,3,3", "k=1\nunder=/other"));
    }

    private List<String> searchFor(String vector, String options) throws Exception {
        var r = MountFixture.sh("exec 3<>'" + m.mnt + "/.vexfs/search' && printf '" + vector + "\\n" + options
                + "\\n' >&3 && cut -f3 <&3");
        assertEquals(0, r.exit(), options + ": " + r.output());
        return r.output().lines().toList();
    }

    @Test
    void nameGlobTimeAndUnderSelectBeforeRanking() throws Exception {
        assertEquals(List.of("/docs/a.pdf", "/other/e.pdf", "/docs/c.pdf"), search("k=3\\nname=*.pdf"),
                "the three .pdf files (the glob is case-sensitive: d.PDF is not one), past 300 nearer .txt files");
        assertEquals(List.of("/docs/d.PDF", "/docs/b.txt", "/docs/c.pdf"), search("k=10\\nnewer=2026-01-01"));
        assertEquals(List.of("/docs/a.pdf", "/other/e.pdf"), search("k=10\\nolder=2026-01-01\\nname=*.pdf"));
        assertEquals(List.of("/docs/c.pdf"), search("k=10\\nname=*.pdf\\nnewer=2026-01-01\\nunder=/docs"));
        assertEquals(List.of("/docs/d.PDF"), search("k=10\\nnewer=1d"), "modified within the last day");
        assertEquals(List.of("/docs/b.txt"), search("k=10\\nnewer=2026-05-31T23:00\\nolder=@1780358400\\nname=b*"),
                "a date and time, epoch seconds (2026-06-02), a glob");
        assertEquals(List.of(), search("k=10\\nname=*.pdf\\nunder=/near"));
    }

    @Test
    void badFilterValuesAreRefusedWithAReason() throws Exception {
        for (String[] bad : new String[][] {{"newer=yesterday", "newer= takes a date"}, {"name=a/b", "not a path"},
                {"older=2026-13-01", "older= takes a date"}, {"name=", "empty name= glob"}}) {
            var r = MountFixture.sh("exec 3<>'" + m.mnt + "/.vexfs/search'; printf '1,0,0,0\\n" + bad[0]
                    + "\\n' >&3; echo rc=$?; cat <&3");
            assertTrue(r.output().contains("Invalid argument") && r.output().contains(bad[1]), bad[0] + ": " + r.output());
        }
    }
}
