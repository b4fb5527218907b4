package vexfs.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vexfs.base.Metric;
import vexfs.base.SearchResult;
import vexfs.fuse.FuseSession;
import vexfs.fuse.MountOptions;
import vexfs.passthrough.PassthroughOptions;
import vexfs.store.VectorStore;
import vexfs.vector.VectorFs;
import vexfs.volume.IndexUpdates;
import vexfs.volume.Volume;

/**
 * The API the search layer uses, with VectorFs mounted in this JVM: pathOf after renames (also of a directory
 * above), hard links and unlinks; the index hook; exact search results mapped to current paths.
 */
@Tag("mount")
class PathOfIT {
    static void set(Path f, String csv) throws Exception {
        Files.getFileAttributeView(f, UserDefinedFileAttributeView.class)
                .write("vexfs.vector", StandardCharsets.US_ASCII.encode(csv));
    }

    static long ino(Path backingFile) throws Exception {
        return (Long) Files.getAttribute(backingFile, "unix:ino");
    }

    @Test
    void pathOfFollowsTheFileAndSearchResultsResolve(@TempDir Path tmp) throws Exception {
        Path backing = Files.createDirectories(tmp.resolve("b"));
        Path mnt = Files.createDirectories(tmp.resolve("m"));
        VectorStore.create(backing.resolve(".vexfs"), 2, Metric.L2, false).close();
        Volume volume = Volume.open(backing, Volume.Access.MOUNT);
        VectorFs fs = VectorFs.over(backing, PassthroughOptions.defaults(), volume.store(), true);
        List<String> events = new ArrayList<>();
        fs.setIndexUpdates(new IndexUpdates() {
            @Override
            public synchronized void onPut(long key, int slot, int oldSlot) {
                events.add("put " + key + " " + slot + " " + oldSlot);
            }

            @Override
            public synchronized void onRemove(long key, int oldSlot) {
                events.add("remove " + key + " " + oldSlot);
            }
        });
        FuseSession session = FuseSession.mount(fs, mnt, MountOptions.defaults(List.of("fsname=vexfs", "subtype=vexfs")));
        try {
            Files.createDirectories(mnt.resolve("a/b"));
            Path f = Files.writeString(mnt.resolve("a/b/f"), "x");
            set(f, "1,0");
            set(Files.writeString(mnt.resolve("far"), "y"), "9,9");
            long key = ino(backing.resolve("a/b/f"));
            assertEquals(key, fs.fileKeyOf(fs.store().slotOf(key) >= 0 ? lookupNode(fs, key) : -1));
            assertEquals("/a/b/f", String.valueOf(fs.pathOf(key)));
            assertArrayEquals(new float[] {1, 0}, fs.vectorOf(lookupNode(fs, key)));

            Files.move(mnt.resolve("a/b/f"), mnt.resolve("a/b/g"));
            assertEquals("/a/b/g", String.valueOf(fs.pathOf(key)), "rename of the file");
            Files.move(mnt.resolve("a"), mnt.resolve("z"));
            assertEquals("/z/b/g", String.valueOf(fs.pathOf(key)), "rename of a directory above");
            Files.createLink(mnt.resolve("h"), mnt.resolve("z/b/g"));
            Files.delete(mnt.resolve("z/b/g"));
            assertEquals("/h", String.valueOf(fs.pathOf(key)), "the remaining hard link");

            SearchResult r = fs.store().exactSearch(new float[] {1, 0.1f}, 2, null);
            assertEquals(2, r.size());
            assertEquals("/h", String.valueOf(fs.pathOf(fs.store().fileKeyOf(r.slots()[0]))));
            assertEquals("/far", String.valueOf(fs.pathOf(fs.store().fileKeyOf(r.slots()[1]))));

            Files.delete(mnt.resolve("h"));
            assertNull(fs.pathOf(key), "gone with the last link");
            assertEquals(-1, fs.store().slotOf(key));
            synchronized (fs) {
                assertTrue(events.getFirst().startsWith("put " + key + " "), events.toString());
                assertEquals("remove " + key, events.getLast().substring(0, events.getLast().lastIndexOf(' ')), events.toString());
            }
        } finally {
            session.close();
            fs.close();
            volume.close();
        }
    }

    /** The node id the kernel uses for the file with backing inode {@code key} (stat through the mount). */
    private static long lookupNode(VectorFs fs, long key) throws Exception {
        for (long id = 2; id < 100; id++) {
            try {
                if (fs.fileKeyOf(id) == key) return id;
            } catch (vexfs.libc.FsException unknown) {
                // not a node
            }
        }
        throw new AssertionError("no node for " + key);
    }
}
