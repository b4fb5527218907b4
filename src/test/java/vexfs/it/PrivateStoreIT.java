package vexfs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 17, "private store": BACKING/.vexfs is 0700 and every file in it 0600 after mkfs, after a mount that wrote
 * vectors (the daemon runs with umask 0), after reindex and verify --repair, all run with umask 000; a store with
 * loose modes is tightened at the next mount (logged once); and user nobody, who can reach the backing directory,
 * can neither read vectors.vxv nor get vectors or names out of it through {@code vexfs inspect}, {@code search},
 * {@code verify} (clear message, exit 2).
 */
@Tag("mount")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PrivateStoreIT {
    Path tmp;
    MountFixture m;
    NobodyCli nobody;

    @BeforeAll
    void setUp() throws Exception {
        tmp = Files.createTempDirectory("vexfs-private-it");
        MountFixture.sh("chmod 755 '" + tmp + "'");
        nobody = new NobodyCli(tmp.resolve("cp"));
        m = new MountFixture(tmp, "allow_other,default_permissions");
        MountFixture.sh("chmod 755 '" + m.backing + "'");
    }

    @AfterAll
    void tearDown() throws Exception {
        if (m != null) m.close();
        MountFixture.sh("rm -rf '" + tmp + "'");
    }

    /** Runs a vexfs command as root with umask 000. */
    private MountFixture.Result asRootUmask000(String... args) throws Exception {
        return MountFixture.sh("umask 000 && " + nobody.command(args));
    }

    @Test
    @Order(1)
    void mkfsMountAndReindexLeaveEveryFilePrivateUnderUmask000() throws Exception {
        var r = asRootUmask000("mkfs", "--dim", "4", "--metric", "l2", m.backing.toString());
        assertEquals(0, r.exit(), r.output());
        assertModes(Map.of("vectors.vxv", "rw-------"));

        m.mount();
        r = MountFixture.sh(String.join(" && ", "cd '" + m.mnt + "'", "umask 000",
                "mkdir private && chmod 700 private",
                "echo s > private/secret && chmod 600 private/secret",
                "setfattr -n user.vexfs.vector -v 1,0,0,0 private/secret",
                "echo o > open && setfattr -n user.vexfs.vector -v 0,1,0,0 open",
                "exec 3<>.vexfs/search && printf '1,0,0,0\\nk=2\\n' >&3 && cat <&3"));
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains("/private/secret"), r.output());
        // while mounted (scratch files are unlinked at once): the store, the graph the daemon made and nothing else
        assertModes(Map.of("vectors.vxv", "rw-------", "graph.vxg", "rw-------", "graph.vxg.upper", "rw-------"));
        m.close();
        assertModes(Map.of("vectors.vxv", "rw-------", "graph.vxg", "rw-------", "graph.vxg.upper", "rw-------"));

        r = asRootUmask000("reindex", m.backing.toString());
        assertEquals(0, r.exit(), r.output());
        assertModes(Map.of("vectors.vxv", "rw-------"));
        r = asRootUmask000("verify", "--repair", m.backing.toString());
        assertEquals(0, r.exit(), r.output());
        assertModes(Map.of("vectors.vxv", "rw-------"));
        // verify --repair fixes loose modes and says so
        MountFixture.sh("chmod 644 '" + m.backing + "/.vexfs/vectors.vxv'");
        r = MountFixture.cli("verify", "--repair", m.backing.toString());
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains("mode problem: vectors.vxv 0644 -> 0600 (the store must be private to its owner) "
                + "(repaired)"), r.output());
        assertTrue(r.output().contains("result: repaired"), r.output());
        assertModes(Map.of("vectors.vxv", "rw-------"));
        r = MountFixture.cli("verify", m.backing.toString());
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains("result: clean"), r.output());
    }

    @Test
    @Order(2)
    void looseModesAreTightenedAtTheNextMountAndLoggedOnce() throws Exception {
        Path store = m.backing.resolve(".vexfs");
        MountFixture.sh("chmod 755 '" + store + "' && chmod 644 '" + store + "'/*");
        var r = MountFixture.cli("verify", m.backing.toString()); // a finding, non-zero exit, nothing changed
        assertEquals(1, r.exit(), r.output());
        assertTrue(r.output().contains("mode problem: .vexfs/ 0755 -> 0700"), r.output());
        assertTrue(r.output().contains("mode problem: vectors.vxv 0644 -> 0600"), r.output());
        assertTrue(r.output().contains("result: PROBLEMS FOUND"), r.output());
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(store.resolve("vectors.vxv"))));
        m.mount();
        m.awaitGraphReady(15_000);  // a fresh graph is built beside (graph.vxg.new) and renamed when done
        assertModes(Map.of("vectors.vxv", "rw-------", "graph.vxg", "rw-------", "graph.vxg.upper", "rw-------"));
        m.close();
        m.mount();
        m.close();
        long said = m.log().lines().filter(l -> l.contains("store made private to its owner")).count();
        assertEquals(1, said, m.log());
        assertTrue(m.log().contains("vectors.vxv 0644 -> 0600"), m.log());
    }

    @Test
    @Order(3)
    void nobodyCannotReadTheStoreNorGetItThroughTheCli() throws Exception {
        m.mount(); // also beside a mount: the CLI must not become a way around the modes
        Path store = m.backing.resolve(".vexfs");
        var r = MountFixture.asNobody("od -c '" + store + "/vectors.vxv' | head -3");
        assertTrue(r.output().contains("Permission denied"), r.output());
        r = MountFixture.asNobody("ls '" + store + "'");
        assertTrue(r.output().contains("Permission denied"), r.output());
        String b = m.backing.toString();
        for (String[] cmd : new String[][] {
                {"inspect", "--record", "0", b},
                {"inspect", b},
                {"search", "--exact", "--vector", "1,0,0,0", b},
                {"search", "--vector", "1,0,0,0", b},
                {"verify", b}}) {
            r = MountFixture.asNobody(nobody.command(cmd));
            String what = String.join(" ", cmd) + ": " + r.output();
            assertEquals(2, r.exit(), what);
            assertTrue(r.output().contains("vexfs " + cmd[0] + ": permission denied: user nobody cannot read "
                    + store), what);
            assertTrue(r.output().contains("private to uid 0"), what);
            assertFalse(r.output().contains("secret"), what);
            assertFalse(r.output().contains("Exception"), what);
        }
        // nor mount it (the writer would need the store's files): refused before the daemon starts
        r = MountFixture.asNobody(nobody.command("mount", "-f", b, tmp.toString()));
        assertEquals(2, r.exit(), r.output());
        assertTrue(r.output().contains("vexfs mount: permission denied: user nobody cannot read and write " + store),
                r.output());
        // root still can, beside the mount
        r = MountFixture.cli("search", "--exact", "--vector", "1,0,0,0", b);
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains("/private/secret"), r.output());
        m.close();
    }

    @Test
    @Order(4)
    void aReadableDirectoryDoesNotOpenThePrivateFiles() throws Exception {
        Path store = m.backing.resolve(".vexfs");
        MountFixture.sh("chmod 755 '" + store + "'"); // loosened by hand; the files stay 0600
        try {
            var r = MountFixture.asNobody(nobody.command("inspect", "--record", "0", m.backing.toString()));
            assertEquals(2, r.exit(), r.output());
            assertTrue(r.output().contains("cannot read " + store.resolve("vectors.vxv")), r.output());
            r = MountFixture.asNobody(nobody.command("search", "--exact", "--vector", "1,0,0,0", m.backing.toString()));
            assertEquals(2, r.exit(), r.output());
            assertFalse(r.output().contains("secret"), r.output());
        } finally {
            MountFixture.sh("chmod 700 '" + store + "'");
        }
    }

    @Test
    @Order(5)
    void aStoreRootMakesOrMountsInAUsersBackingDirectoryStaysThatUsers() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("owned"));
        MountFixture owned = new MountFixture(root);
        try {
            MountFixture.sh("chown nobody:nogroup '" + owned.backing + "' 2>/dev/null || chown 65534:65534 '"
                    + owned.backing + "'");
            owned.mkfs(4, "l2"); // by root
            Path store = owned.backing.resolve(".vexfs");
            assertOwner(store, 65534);
            assertOwner(store.resolve("vectors.vxv"), 65534);
            owned.mount(); // the daemon (root) creates the graph files
            var r = MountFixture.sh("cd '" + owned.mnt + "' && echo a > a && setfattr -n user.vexfs.vector -v 1,0,0,0 a");
            assertEquals(0, r.exit(), r.output());
            assertOwner(store.resolve("graph.vxg"), 65534);
            assertOwner(store.resolve("graph.vxg.upper"), 65534);
            owned.close();
            // the owner of the backing directory can use its own store
            r = MountFixture.asNobody(nobody.command("search", "--exact", "--vector", "1,0,0,0", owned.backing.toString()));
            assertEquals(0, r.exit(), r.output());
            assertTrue(r.output().contains("/a"), r.output());
            // a store left root's (made before this rule) is given back at the next mount, and said so
            MountFixture.sh("chown 0:0 '" + store + "/vectors.vxv'");
            owned.mount();
            owned.close();
            assertOwner(store.resolve("vectors.vxv"), 65534);
            assertTrue(owned.log().contains("vectors.vxv owner 0:0 -> 65534:65534"), owned.log());
        } finally {
            owned.close();
        }
    }

    private static void assertOwner(Path p, int uid) throws Exception {
        assertEquals(uid, Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS), "owner of " + p);
        assertEquals(uid, Files.getAttribute(p, "unix:gid", LinkOption.NOFOLLOW_LINKS), "group of " + p);
    }

    private void assertModes(Map<String, String> expected) throws Exception {
        Path store = m.backing.resolve(".vexfs");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(store)), "mode of .vexfs");
        Map<String, String> found = new TreeMap<>();
        try (Stream<Path> s = Files.list(store)) {
            for (Path p : s.toList()) {
                found.put(p.getFileName().toString(), PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS)));
            }
        }
        assertEquals(new TreeMap<>(expected), found);
    }
}
