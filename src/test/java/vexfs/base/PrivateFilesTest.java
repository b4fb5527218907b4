package vexfs.base;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Private items: exact modes, links never followed, and (run by root) the owner of the directory they are made in. */
class PrivateFilesTest {
    @TempDir
    Path tmp;

    @Test
    void tightenNeverFollowsALinkOutOfTheDirectory() throws Exception {
        Path outside = Files.writeString(tmp.resolve("outside"), "x");
        Files.setPosixFilePermissions(outside, PosixFilePermissions.fromString("rw-r--r--"));
        Path dir = PrivateFiles.directory(tmp.resolve("store"));
        Files.createSymbolicLink(dir.resolve("graph.vxg"), outside);
        Path f = Files.writeString(dir.resolve("vectors.vxv"), "v");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-rw-rw-"));
        assertEquals(List.of("vectors.vxv 0666 -> 0600"), PrivateFiles.looseModes(dir));
        assertEquals("rw-rw-rw-", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)), "looseModes changes nothing");
        List<String> changed = PrivateFiles.tighten(dir);
        assertEquals(List.of("vectors.vxv 0666 -> 0600"), changed);
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(outside)));
        assertThrows(IOException.class, () -> PrivateFiles.setMode(dir.resolve("graph.vxg"), PrivateFiles.FILE_MODE));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(outside)));
    }

    @Test
    void createdByRootTheyBelongToTheirDirectorysOwner() throws Exception {
        assumeTrue(PrivateFiles.isRoot(), "needs root (chown)");
        Path backing = Files.createDirectory(tmp.resolve("backing"));
        Files.setAttribute(backing, "unix:uid", 65534);
        Files.setAttribute(backing, "unix:gid", 65534);
        Path dir = PrivateFiles.directory(backing.resolve(".vexfs"));
        try (FileChannel ch = PrivateFiles.open(dir.resolve("f"), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            assertTrue(ch.isOpen());
        }
        for (Path p : List.of(dir, dir.resolve("f"))) {
            assertEquals(65534, Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS), p.toString());
            assertEquals(65534, Files.getAttribute(p, "unix:gid", LinkOption.NOFOLLOW_LINKS), p.toString());
        }
        Path rootOwned = Files.writeString(dir.resolve("g"), "g");
        Files.setAttribute(rootOwned, "unix:uid", 0);
        assertEquals(List.of("g owner 0:0 -> 65534:65534"), PrivateFiles.adoptOwner(dir, backing));
        assertEquals(List.of(), PrivateFiles.adoptOwner(dir, backing));
    }
}
