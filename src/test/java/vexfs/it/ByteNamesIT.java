package vexfs.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import vexfs.libc.Name;
import vexfs.libc.NativeIo;

/**
 * File names that are not valid UTF-8 (Linux names are bytes) come out of /.vexfs/search, {@code vexfs search} and
 * /.vexfs/similar exactly: the bytes of the result open the very file, neighbour links resolve to it, and the access
 * filter for non-root callers walks those bytes (a readable file is found, an unreadable one is not).
 */
@Tag("mount")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ByteNamesIT {
    /** é in Latin-1; two bytes that are never UTF-8; é in UTF-8 followed by é in Latin-1. */
    static final byte[] E9 = {(byte) 0xE9};
    static final byte[] FFFE = {(byte) 0xFF, (byte) 0xFE};
    static final byte[] MIXED = {(byte) 0xC3, (byte) 0xA9, (byte) 0xE9};
    static final byte[] SECRET = {(byte) 0xE9, 's'};
    static final byte[] CLOSED_DIR = {(byte) 0xFE};
    static final byte[] OPEN_DIR = {(byte) 0xFD};
    static final List<byte[]> FILES = List.of(E9, FFFE, MIXED);
    static final List<String> VECTORS = List.of("1,0,0,0", "0,1,0,0", "0,0,1,0");

    Path tmp;
    MountFixture m;

    @BeforeAll
    void mount() throws Exception {
        tmp = Files.createTempDirectory("vexfs-bytes-it");
        MountFixture.sh("chmod 755 '" + tmp + "'");
        m = new MountFixture(tmp, "allow_other,default_permissions").mkfs(4, "l2").mount();
        // bash's $'\xE9' makes the raw bytes; the content of each file is its name, to tell them apart when opened
        String setup = String.join(" && ", "cd '" + m.mnt + "'", "umask 022", "mkdir bytes", "cd bytes",
                "n=$'\\xe9' && printf '%s' \"$n\" > \"$n\" && setfattr -n user.vexfs.vector -v 1,0,0,0 \"$n\"",
                "n=$'\\xff\\xfe' && printf '%s' \"$n\" > \"$n\" && setfattr -n user.vexfs.vector -v 0,1,0,0 \"$n\"",
                "n=$'\\xc3\\xa9\\xe9' && printf '%s' \"$n\" > \"$n\" && setfattr -n user.vexfs.vector -v 0,0,1,0 \"$n\"",
                "n=$'\\xe9s' && printf '%s' \"$n\" > \"$n\" && chmod 600 \"$n\" && setfattr -n user.vexfs.vector -v 0,0,0,1 \"$n\"",
                "d=$'\\xfe' && mkdir \"$d\" && echo f > \"$d/f\" && setfattr -n user.vexfs.vector -v 1,1,0,0 \"$d/f\" && chmod 700 \"$d\"",
                "d=$'\\xfd' && mkdir \"$d\" && echo g > \"$d/g\" && setfattr -n user.vexfs.vector -v 0,0,1,1 \"$d/g\"");
        var r = MountFixture.sh(setup);
        assertEquals(0, r.exit(), r.output());
    }

    @AfterAll
    void unmount() throws Exception {
        if (m != null) m.close();
        MountFixture.sh("rm -rf '" + tmp + "'");
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** The content of the file at {@code rel} (bytes, relative to {@code root}), opened by its exact name. */
    static byte[] contentOf(Path root, byte[] rel) throws Exception {
        int dfd = NativeIo.open(root.toString(), NativeIo.O_PATH | NativeIo.O_DIRECTORY, 0);
        try {
            int fd = NativeIo.openat(dfd, Name.of(rel), NativeIo.O_RDONLY | NativeIo.O_CLOEXEC, 0);
            try {
                return NativeIo.pread(fd, 1024, 0);
            } finally {
                NativeIo.close(fd);
            }
        } finally {
            NativeIo.close(dfd);
        }
    }

    @Test
    void searchAndTheOfflineSearchGiveTheNameBytesWhichOpenTheFile() throws Exception {
        for (int i = 0; i < FILES.size(); i++) {
            byte[] name = FILES.get(i);
            byte[] want = concat(ascii("1\t0.0\t/bytes/"), name, ascii("\n"));
            byte[] got = SearchProbe.queryBytes(m.mnt, ascii(VECTORS.get(i) + "\nk=1\nunder=/bytes\n"));
            assertArrayEquals(want, got, new String(got, StandardCharsets.UTF_8));
            byte[] path = SearchProbe.paths(got).getFirst();
            assertArrayEquals(name, contentOf(m.mnt, Arrays.copyOfRange(path, 1, path.length)),
                    "the returned path opens that very file");
            // under the C locale too, where the JVM's own charset for file names and output is ASCII
            List<String> cmd = new ArrayList<>(List.of("env", "LC_ALL=C", "LANG=C"));
            cmd.addAll(MountFixture.vexfsCommand("search", m.backing.toString(), "--vector", VECTORS.get(i), "-k", "1",
                    "--under", "/bytes"));
            var offline = MountFixture.runBytes(cmd);
            assertEquals(0, offline.exit());
            assertArrayEquals(want, offline.stdout(), "vexfs search prints the same bytes");
        }
        // under= naming a directory that is not UTF-8
        byte[] q = concat(ascii("0,0,1,1\nk=5\nunder=/bytes/"), OPEN_DIR, ascii("\n"));
        assertArrayEquals(concat(ascii("1\t0.0\t/bytes/"), OPEN_DIR, ascii("/g\n")), SearchProbe.queryBytes(m.mnt, q));
    }

    @Test
    void similarMirrorsTheNamesAndItsLinksResolveToTheFiles() throws Exception {
        Path sim = m.mnt.resolve(".vexfs/similar/bytes");
        List<byte[]> listed = names(sim, new byte[0]);
        for (byte[] n : List.of(E9, FFFE, MIXED, SECRET, CLOSED_DIR, OPEN_DIR)) {
            assertTrue(listed.stream().anyMatch(l -> Arrays.equals(l, n)), HexFormat.of().formatHex(n));
        }
        List<byte[]> links = names(sim, E9);
        assertTrue(links.size() >= 3, links.size() + " links");
        int checked = 0;
        for (byte[] link : links) {
            byte[] target = readlink(sim, concat(E9, ascii("/"), link));
            // the link sits in /.vexfs/similar/bytes/<E9>/: four levels up is the mount root
            byte[] base = Arrays.copyOfRange(link, 3, link.length);
            byte[] prefix = ascii("../../../../bytes/");
            assertArrayEquals(prefix, Arrays.copyOf(target, prefix.length), new String(target, StandardCharsets.UTF_8));
            assertArrayEquals(base, Arrays.copyOfRange(target, target.length - base.length, target.length));
            if (Arrays.equals(base, FFFE) || Arrays.equals(base, MIXED)) {
                assertArrayEquals(concat(prefix, base), target);
                assertArrayEquals(base, contentOf(sim, concat(E9, ascii("/"), link)), "the link opens the file");
                checked++;
            }
        }
        assertEquals(2, checked, "both other non-UTF-8 files are among the neighbours");
    }

    /** A 255-byte name: its link name ("01-" + name) is cut at 255 bytes, so it can be looked up; the target is whole. */
    @Test
    void aLinkToALongestNameIsCutAtNameMaxAndStillResolves() throws Exception {
        String longest = "l".repeat(255);
        var r = MountFixture.sh(String.join(" && ", "cd '" + m.mnt + "'", "mkdir -p long", "cd long",
                "printf L > " + longest, "setfattr -n user.vexfs.vector -v 50,50,50,50 " + longest,
                "printf p > partner", "setfattr -n user.vexfs.vector -v 50,50,50,51 partner"));
        assertEquals(0, r.exit(), r.output());
        Path sim = m.mnt.resolve(".vexfs/similar/long");
        byte[] link = ascii("01-" + "l".repeat(252));
        assertTrue(names(sim, ascii("partner")).stream().anyMatch(l -> Arrays.equals(l, link)),
                "partner's nearest neighbour is listed under a name cut to 255 bytes");
        byte[] rel = concat(ascii("partner/"), link);
        assertArrayEquals(ascii("../../../../long/" + longest), readlink(sim, rel));
        assertArrayEquals(ascii("L"), contentOf(sim, rel), "the link opens the file");
    }

    @Test
    void aNonRootCallerFindsReadableNamesThatAreNotUtf8AndNotUnreadableOnes() throws Exception {
        String script = "exec 3<>'" + m.mnt + "/.vexfs/search' && printf '1,1,1,1\\nk=10\\nunder=/bytes\\n' >&3"
                + " && cut -f3 <&3 | od -An -v -tx1 | tr -d ' \\n'";
        var nobody = MountFixture.asNobody(script);
        assertEquals(0, nobody.exit(), nobody.output());
        List<String> got = lines(HexFormat.of().parseHex(nobody.output().trim()));
        List<String> want = hex(List.of(concat(ascii("/bytes/"), E9), concat(ascii("/bytes/"), FFFE),
                concat(ascii("/bytes/"), MIXED), concat(ascii("/bytes/"), OPEN_DIR, ascii("/g"))));
        assertEquals(want, got, "readable files found, the 0600 file and the file in a 0700 directory not");
        var root = MountFixture.sh(script);
        assertEquals(6, lines(HexFormat.of().parseHex(root.output().trim())).size(), "root sees all six");
    }

    /** The lines of {@code b} as sorted hex strings. */
    private static List<String> lines(byte[] b) {
        List<byte[]> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '\n') {
                out.add(Arrays.copyOfRange(b, start, i));
                start = i + 1;
            }
        }
        return hex(out);
    }

    private static List<String> hex(List<byte[]> l) {
        return l.stream().map(HexFormat.of()::formatHex).sorted().toList();
    }

    private static List<byte[]> names(Path dir, byte[] rel) throws Exception {
        int dfd = NativeIo.open(dir.toString(), NativeIo.O_PATH | NativeIo.O_DIRECTORY, 0);
        try {
            int fd = NativeIo.openat(dfd, rel.length == 0 ? Name.of(".") : Name.of(rel),
                    NativeIo.O_RDONLY | NativeIo.O_DIRECTORY | NativeIo.O_CLOEXEC, 0);
            try {
                List<byte[]> out = new ArrayList<>();
                for (var e : NativeIo.readDirectory(fd, 0, 1 << 16)) if (!e.name().isDotOrDotDot()) out.add(e.name().toBytes());
                return out;
            } finally {
                NativeIo.close(fd);
            }
        } finally {
            NativeIo.close(dfd);
        }
    }

    private static byte[] readlink(Path dir, byte[] rel) throws Exception {
        int dfd = NativeIo.open(dir.toString(), NativeIo.O_PATH | NativeIo.O_DIRECTORY, 0);
        try {
            int fd = NativeIo.openat(dfd, Name.of(rel), NativeIo.O_PATH | NativeIo.O_NOFOLLOW | NativeIo.O_CLOEXEC, 0);
            try {
                return NativeIo.readlinkat(fd);
            } finally {
                NativeIo.close(fd);
            }
        } finally {
            NativeIo.close(dfd);
        }
    }
}
