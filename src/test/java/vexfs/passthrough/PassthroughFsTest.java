package vexfs.passthrough;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vexfs.fuse.EntryParam;
import vexfs.fuse.FileInfo;
import vexfs.fuse.FuseFilesystem;
import vexfs.fuse.RecordingReplies;
import vexfs.fuse.RecordingReplies.DirEntry;
import vexfs.fuse.Reply;
import vexfs.fuse.ReplyEntry;
import vexfs.fuse.Request;
import vexfs.fuse.SetAttr;
import vexfs.libc.Attr;
import vexfs.libc.Errno;
import vexfs.libc.FsException;
import vexfs.libc.Lock;
import vexfs.libc.Name;
import vexfs.libc.NativeIo;
import vexfs.libc.StatFs;

/**
 * The passthrough driven directly, as the dispatcher would call it, over a temp backing directory (no /dev/fuse):
 * replies are recorded ({@link RecordingReplies}) and the backing directory is checked with java.nio. Every test
 * hands back the lookup references it was given (the kernel's forgets) and ends with as many descriptors on the
 * backing directory as it started with, so a leaked O_PATH or open descriptor fails the test that leaked it.
 */
class PassthroughFsTest {
    private static final long ROOT = FuseFilesystem.ROOT_ID;
    private static final int S_IFIFO = 0010000;
    private static final String STORE = ".vexfs";

    @TempDir
    Path dir;

    private final RecordingReplies rr = new RecordingReplies();
    private PassthroughFs fs;
    private Request req;
    private int umaskBefore;
    private long fdsBefore;
    /** Node ids of the lookup references this test holds, one element per reference (what the kernel counts). */
    private final List<Long> held = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        umaskBefore = NativeIo.umask(022);
        NativeIo.umask(umaskBefore);
        Files.createDirectory(dir.resolve(STORE));
        Files.writeString(dir.resolve(STORE).resolve("vectors.vxv"), "store");
        fs = PassthroughFs.open(dir, PassthroughOptions.defaults());  // sets the process umask to 0
        int uid = (Integer) Files.getAttribute(dir, "unix:uid");
        int gid = (Integer) Files.getAttribute(dir, "unix:gid");
        req = new Request(1, uid, gid, 4242, 022);
        fdsBefore = Fds.countUnder(dir);
    }

    /** The node's descriptor number now (pinned just to read it: for assertions only). */
    private static int fdOf(PassthroughFs f, long node) throws FsException {
        return fdOf(f.nodes().node(node));
    }

    private static int fdOf(BackingNode n) throws FsException {
        try (PinnedFd p = n.pin()) {
            return p.fd();
        }
    }

    @AfterEach
    void tearDown() throws Exception {
        try {
            for (long id : held) fs.forget(id, 1);
            held.clear();
            assertEquals(fdsBefore, Fds.countUnder(dir), "descriptors left open after every reference was forgotten");
        } finally {
            NativeIo.close(fdOf(fs, ROOT));
            NativeIo.umask(umaskBefore);
        }
    }

    // ---- helpers: one call each, as the kernel would make it ----

    private FileInfo fi(int flags) {
        return new FileInfo(flags, 0, 77, false, false);
    }

    private FileInfo fh(long fh) {
        return new FileInfo(NativeIo.O_RDWR, fh, 77, false, false);
    }

    /** The entry replied, counting its lookup reference as held (so tearDown forgets it). */
    private EntryParam hold(ReplyEntry r) {
        EntryParam e = rr.entry(r);
        held.add(e.ino());
        return e;
    }

    private void forget(long id, int n) {
        fs.forget(id, n);
        for (int i = 0; i < n; i++) assertTrue(held.remove(id), "forgot a reference the test did not hold");
    }

    private ReplyEntry lookupReply(long parent, Name name) {
        return rr.entry(r -> fs.lookup(req, parent, name, r));
    }

    private EntryParam lookup(long parent, String name) {
        return hold(lookupReply(parent, Name.of(name)));
    }

    private int errno(Reply r) {
        return rr.errno(r);
    }

    private Attr getattr(long ino) {
        return rr.attr(rr.attr(r -> fs.getattr(req, ino, null, r)));
    }

    private long open(long ino, int flags) {
        return rr.opened(rr.open(r -> fs.open(req, ino, fi(flags), r))).fh();
    }

    private void release(long ino, long fh) {
        assertEquals(0, errno(rr.empty(r -> fs.release(req, ino, fh(fh), r))));
    }

    private byte[] read(long ino, long fh, long size, long offset) {
        return rr.bytes(rr.data(r -> fs.read(req, ino, size, offset, fh(fh), r)));
    }

    private long write(long ino, long fh, byte[] data, long offset) {
        return rr.written(rr.write(r -> fs.write(req, ino, RecordingReplies.writeData(data), offset, fh(fh), r)));
    }

    private long opendir(long ino) {
        return rr.opened(rr.open(r -> fs.opendir(req, ino, fi(NativeIo.O_RDONLY | NativeIo.O_DIRECTORY), r))).fh();
    }

    private void releasedir(long ino, long fh) {
        assertEquals(0, errno(rr.empty(r -> fs.releasedir(req, ino, fh(fh), r))));
    }

    /** One readdir(plus) request; the references of readdirplus entries (not . and ..) are held. */
    private List<DirEntry> readdir(long ino, long fh, long size, long offset, boolean plus) {
        List<DirEntry> got = rr.entries(rr.directory(size, plus, r -> fs.readdir(req, ino, size, offset, fh(fh), r)));
        if (plus) {
            for (DirEntry e : got) {
                if (!e.name().isDotOrDotDot()) held.add(e.entry().ino());
            }
        }
        return got;
    }

    /** The whole directory, in requests of {@code size} bytes, each starting where the last one stopped. */
    private List<DirEntry> readdirAll(long ino, long size, boolean plus) {
        long fh = opendir(ino);
        List<DirEntry> all = new ArrayList<>();
        long offset = 0;
        while (true) {
            List<DirEntry> got = readdir(ino, fh, size, offset, plus);
            if (got.isEmpty()) break;
            all.addAll(got);
            offset = got.getLast().nextOffset();
        }
        releasedir(ino, fh);
        return all;
    }

    private static Set<String> names(List<DirEntry> entries) {
        return entries.stream().map(e -> e.name().toString()).collect(Collectors.toSet());
    }

    private static long inode(Path p) throws Exception {
        return (Long) Files.getAttribute(p, "unix:ino", LinkOption.NOFOLLOW_LINKS);
    }

    private static int mode(Path p) throws Exception {
        return (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
    }

    private static Set<String> listing(Path d) throws Exception {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }

    // ---- lookup, forget, node identity ----

    @Test
    void lookupOfAFileADirectoryAndASymlink() throws Exception {
        Path f = Files.writeString(dir.resolve("f"), "hello");
        Path d = Files.createDirectory(dir.resolve("d"));
        Path l = Files.createSymbolicLink(dir.resolve("l"), Path.of("f"));

        EntryParam ef = lookup(ROOT, "f");
        EntryParam ed = lookup(ROOT, "d");
        EntryParam el = lookup(ROOT, "l");
        assertEquals(3, Set.of(ef.ino(), ed.ino(), el.ino()).size(), "three nodes, three ids");
        for (EntryParam e : List.of(ef, ed, el)) {
            assertTrue(e.ino() > ROOT);
            assertEquals(0, e.generation(), "ids are never reused, so the generation is constant");
            assertEquals(1.0, e.attrTimeout());
            assertEquals(1.0, e.entryTimeout());
        }
        assertEquals(inode(f), ef.attr().ino());
        assertEquals(Attr.S_IFREG, ef.attr().mode() & Attr.S_IFMT);
        assertEquals(5, ef.attr().size());
        assertEquals(inode(d), ed.attr().ino());
        assertTrue(ed.attr().isDirectory());
        assertEquals(inode(l), el.attr().ino(), "the symlink itself, not its target");
        assertTrue(el.attr().isSymlink());
        assertArrayEquals("f".getBytes(UTF_8), rr.target(rr.readlink(r -> fs.readlink(req, el.ino(), r))));

        // the node's descriptor is the backing node's, and getattr answers from it
        assertTrue(Fds.isOpenOn(fdOf(fs, ef.ino()), f));
        assertEquals(inode(f), fs.nodes().node(ef.ino()).ino());
        assertTrue(fs.nodes().node(el.ino()).isSymlink());
        assertEquals(ef.attr().ino(), getattr(ef.ino()).ino());

        // a name inside the looked-up directory
        Files.writeString(d.resolve("inner"), "x");
        assertEquals(inode(d.resolve("inner")), lookup(ed.ino(), "inner").attr().ino());

        assertEquals(Errno.ENOENT, errno(lookupReply(ROOT, Name.of("missing"))));
        assertEquals(Errno.ENOTDIR, errno(lookupReply(ef.ino(), Name.of("x"))));
        assertEquals(Errno.ENAMETOOLONG, errno(lookupReply(ROOT, Name.of("n".repeat(256)))));
    }

    @Test
    void lookupCountsAndForgetCloseTheODescriptorAtZero() throws Exception {
        Path f = Files.writeString(dir.resolve("f"), "x");
        long fds0 = Fds.countUnder(dir);
        EntryParam first = lookup(ROOT, "f");
        assertEquals(fds0 + 1, Fds.countUnder(dir), "a new node holds one O_PATH descriptor");
        int fd = fdOf(fs, first.ino());
        assertTrue(Fds.isOpenOn(fd, f));

        EntryParam second = lookup(ROOT, "f");
        assertEquals(first.ino(), second.ino());
        assertEquals(fds0 + 1, Fds.countUnder(dir), "a second lookup of a known node opens nothing");

        forget(first.ino(), 1);
        assertEquals(inode(f), getattr(first.ino()).ino(), "one reference is left");
        assertTrue(Fds.isOpenOn(fd, f));

        forget(first.ino(), 1);
        assertEquals(fds0, Fds.countUnder(dir), "the last forget closes the descriptor");
        assertFalse(Fds.isOpenOn(fd, f));
        assertEquals(Errno.ENOENT, errno(rr.attr(r -> fs.getattr(req, first.ino(), null, r))));
        assertThrows(FsException.class, () -> fs.nodes().node(first.ino()));

        EntryParam again = lookup(ROOT, "f");
        assertNotEquals(first.ino(), again.ino(), "a forgotten node comes back under a new id");
        assertEquals(inode(f), again.attr().ino());

        fs.forget(ROOT, 1_000_000);  // the root is never forgotten
        assertEquals(inode(dir), getattr(ROOT).ino());
    }

    @Test
    void twoNamesOfOneInodeAreOneNode() throws Exception {
        Path a = Files.writeString(dir.resolve("a"), "x");
        Files.createDirectory(dir.resolve("sub"));
        Files.createLink(dir.resolve("sub").resolve("b"), a);
        EntryParam ea = lookup(ROOT, "a");
        EntryParam sub = lookup(ROOT, "sub");
        EntryParam eb = lookup(sub.ino(), "b");
        assertEquals(ea.ino(), eb.ino(), "same backing inode, same node id");
        assertEquals(2, eb.attr().nlink());

        // link() makes a third name and answers with the same node (one more reference)
        EntryParam ec = hold(rr.entry(r -> fs.link(req, ea.ino(), ROOT, Name.of("c"), r)));
        assertEquals(ea.ino(), ec.ino());
        assertEquals(3, ec.attr().nlink());
        assertTrue(Files.isSameFile(a, dir.resolve("c")));
        assertEquals(Errno.EEXIST, errno(rr.entry(r -> fs.link(req, ea.ino(), ROOT, Name.of("c"), r))));
        assertEquals(Errno.EPERM, errno(rr.entry(r -> fs.link(req, sub.ino(), ROOT, Name.of("dirlink"), r))),
                "no hard links to directories");

        // two of the three references gone: the node stays; the third: it is forgotten
        forget(ea.ino(), 2);
        assertEquals(inode(a), getattr(ea.ino()).ino());
        forget(ea.ino(), 1);
        assertEquals(Errno.ENOENT, errno(rr.attr(r -> fs.getattr(req, ea.ino(), null, r))));
    }

    @Test
    void theStoreDirectoryIsHiddenAtTheRootOnly() throws Exception {
        Files.writeString(dir.resolve("visible"), "x");
        Name store = Name.of(STORE);
        assertEquals(Errno.ENOENT, errno(lookupReply(ROOT, store)));
        assertEquals(-1, fs.nodes().openPath(ROOT, store));
        for (boolean plus : new boolean[] {false, true}) {
            Set<String> seen = names(readdirAll(ROOT, 4096, plus));
            assertEquals(Set.of(".", "..", "visible"), seen, plus ? "readdirplus" : "readdir");
        }

        // every way of reaching it by name is refused, and it is left as it was
        assertEquals(Errno.EEXIST, errno(rr.entry(r -> fs.mkdir(req, ROOT, store, 0755, r))));
        assertEquals(Errno.EEXIST, errno(rr.entry(r -> fs.mknod(req, ROOT, store, S_IFIFO | 0600, 0, r))));
        assertEquals(Errno.EEXIST, errno(rr.entry(r -> fs.symlink(req, "x".getBytes(UTF_8), ROOT, store, r))));
        EntryParam v = lookup(ROOT, "visible");
        assertEquals(Errno.EEXIST, errno(rr.entry(r -> fs.link(req, v.ino(), ROOT, store, r))));
        assertEquals(Errno.EACCES, errno(rr.create(r -> fs.create(req, ROOT, store, 0644,
                fi(NativeIo.O_RDWR | NativeIo.O_CREAT), r))));
        assertEquals(Errno.ENOENT, errno(rr.empty(r -> fs.unlink(req, ROOT, store, r))));
        assertEquals(Errno.ENOENT, errno(rr.empty(r -> fs.rmdir(req, ROOT, store, r))));
        assertEquals(Errno.EACCES, errno(rr.empty(r -> fs.rename(req, ROOT, store, ROOT, Name.of("moved"), 0, r))));
        assertEquals(Errno.EACCES, errno(rr.empty(r -> fs.rename(req, ROOT, Name.of("visible"), ROOT, store, 0, r))));
        assertTrue(Files.isDirectory(dir.resolve(STORE)));
        assertEquals("store", Files.readString(dir.resolve(STORE).resolve("vectors.vxv")));
        assertEquals("x", Files.readString(dir.resolve("visible")));

        // below the root the name is an ordinary one
        EntryParam d = hold(rr.entry(r -> fs.mkdir(req, ROOT, Name.of("d"), 0755, r)));
        EntryParam inner = hold(rr.entry(r -> fs.mkdir(req, d.ino(), store, 0755, r)));
        assertEquals(inner.ino(), lookup(d.ino(), STORE).ino());
        assertEquals(Set.of(".", "..", STORE), names(readdirAll(d.ino(), 4096, false)));
        assertTrue(Files.isDirectory(dir.resolve("d").resolve(STORE)));
    }

    @Test
    void dotDotOfATopLevelDirectoryIsTheRoot() throws Exception {
        Files.createDirectories(dir.resolve("d").resolve("e"));
        EntryParam d = lookup(ROOT, "d");
        EntryParam e = lookup(d.ino(), "e");
        assertEquals(ROOT, hold(lookupReply(d.ino(), Name.of(".."))).ino(), "the root is known by (dev, ino)");
        assertEquals(d.ino(), lookup(e.ino(), "..").ino());
        assertEquals(d.ino(), lookup(d.ino(), ".").ino());
    }

    @Test
    void dotDotOfTheRootDoesNotLeaveTheBackingDirectory() {
        assertEquals(Errno.ENOENT, errno(lookupReply(ROOT, Name.of(".."))));
    }

    @Test
    void theBackingNodesViewChangesNamesWithoutReplying() throws Exception {
        Path f = Files.writeString(dir.resolve("f"), "x");
        EntryParam e = lookup(ROOT, "f");
        BackingNodes nodes = fs.nodes();
        BackingNode n = nodes.node(e.ino());
        assertEquals(inode(f), n.ino());
        assertEquals(e.attr().dev(), n.dev());
        assertTrue(n.isRegular());
        assertFalse(n.isSymlink());
        assertTrue(Fds.isOpenOn(fdOf(n), f));

        long fds0 = Fds.countUnder(dir);
        int fd = nodes.openPath(ROOT, Name.of("f"));
        assertTrue(Fds.isOpenOn(fd, f), "a new O_PATH descriptor for the caller");
        NativeIo.close(fd);
        assertEquals(fds0, Fds.countUnder(dir));
        assertEquals(-1, nodes.openPath(ROOT, Name.of("missing")));
        assertEquals(-1, nodes.openPath(987654, Name.of("f")));

        int replies = rr.count();
        nodes.rename(ROOT, Name.of("f"), ROOT, Name.of("g"), 0);
        assertEquals("x", Files.readString(dir.resolve("g")));
        assertEquals(Errno.EACCES, assertThrows(FsException.class,
                () -> nodes.rename(ROOT, Name.of("g"), ROOT, Name.of(STORE), 0)).errno());
        nodes.unlink(ROOT, Name.of("g"));
        assertFalse(Files.exists(dir.resolve("g")));
        assertEquals(Errno.ENOENT, assertThrows(FsException.class, () -> nodes.unlink(ROOT, Name.of("g"))).errno());
        assertEquals(Errno.ENOENT, assertThrows(FsException.class, () -> nodes.unlink(ROOT, Name.of(STORE))).errno());
        assertTrue(Files.isDirectory(dir.resolve(STORE)));
        assertEquals(replies, rr.count(), "nothing was replied");

        forget(e.ino(), 1);
        assertThrows(FsException.class, () -> nodes.node(e.ino()), "a forgotten node");
    }

    // ---- namespace operations ----

    @Test
    void mkdirCreateMknodSymlinkMakeTheNodesTheySay() throws Exception {
        EntryParam d = hold(rr.entry(r -> fs.mkdir(req, ROOT, Name.of("d"), 0750, r)));
        Path pd = dir.resolve("d");
        assertTrue(Files.isDirectory(pd));
        assertEquals(inode(pd), d.attr().ino());
        assertEquals(0750, mode(pd) & 07777, "the mode as given (the kernel applied the umask already)");
        assertEquals(Errno.EEXIST, errno(rr.entry(r -> fs.mkdir(req, ROOT, Name.of("d"), 0750, r))));

        var c = rr.created(rr.create(r -> fs.create(req, d.ino(), Name.of("f"), 0640,
                fi(NativeIo.O_RDWR | NativeIo.O_CREAT | NativeIo.O_EXCL), r)));
        held.add(c.entry().ino());
        Path pf = pd.resolve("f");
        assertTrue(Files.isRegularFile(pf));
        assertEquals(0640, mode(pf) & 07777);
        assertEquals(inode(pf), c.entry().attr().ino());
        assertEquals(c.entry().ino(), lookup(d.ino(), "f").ino(), "create's entry is the node lookup finds");
        assertEquals(3, write(c.entry().ino(), c.fh(), "abc".getBytes(UTF_8), 0));
        release(c.entry().ino(), c.fh());
        assertEquals("abc", Files.readString(pf));
        assertEquals(Errno.EEXIST, errno(rr.create(r -> fs.create(req, d.ino(), Name.of("f"), 0640,
                fi(NativeIo.O_RDWR | NativeIo.O_CREAT | NativeIo.O_EXCL), r))));

        EntryParam p = hold(rr.entry(r -> fs.mknod(req, ROOT, Name.of("p"), S_IFIFO | 0600, 0, r)));
        assertEquals(S_IFIFO, mode(dir.resolve("p")) & Attr.S_IFMT);
        assertEquals(S_IFIFO, p.attr().mode() & Attr.S_IFMT);
        assertEquals(Errno.EEXIST, errno(rr.entry(r -> fs.mknod(req, ROOT, Name.of("p"), S_IFIFO | 0600, 0, r))));

        EntryParam s = hold(rr.entry(r -> fs.symlink(req, "d/f".getBytes(UTF_8), ROOT, Name.of("s"), r)));
        assertEquals(Path.of("d/f"), Files.readSymbolicLink(dir.resolve("s")));
        assertTrue(s.attr().isSymlink());
        assertEquals(3, s.attr().size());
        assertArrayEquals("d/f".getBytes(UTF_8), rr.target(rr.readlink(r -> fs.readlink(req, s.ino(), r))));
        assertEquals(Errno.EEXIST, errno(rr.entry(r -> fs.symlink(req, "x".getBytes(UTF_8), ROOT, Name.of("s"), r))));

        assertEquals(Errno.ENOENT, errno(rr.entry(r -> fs.mkdir(req, 987654, Name.of("x"), 0755, r))),
                "a parent the table does not know");
        assertEquals(Set.of(STORE, "d", "p", "s"), listing(dir));
    }

    /** Run as root for another user, what is created belongs to the caller, as a kernel filesystem would do it. */
    @Test
    void asRootNewNodesBelongToTheCaller() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "only a daemon run as root gives nodes away");
        Request user = new Request(2, 1000, 1001, 4243, 022);
        Path sg = Files.createDirectory(dir.resolve("sg"));
        Files.setAttribute(sg, "unix:gid", 2000);
        Files.setAttribute(sg, "unix:mode", 02775);
        EntryParam esg = lookup(ROOT, "sg");

        var c = rr.created(rr.create(r -> fs.create(user, ROOT, Name.of("f"), 04755,
                fi(NativeIo.O_RDWR | NativeIo.O_CREAT | NativeIo.O_EXCL), r)));
        held.add(c.entry().ino());
        release(c.entry().ino(), c.fh());
        Path f = dir.resolve("f");
        assertEquals(1000, Files.getAttribute(f, "unix:uid"));
        assertEquals(1001, Files.getAttribute(f, "unix:gid"));
        assertEquals(04755, mode(f) & 07777, "the set-user-ID bit chown cleared is put back");
        assertEquals(1000, c.entry().attr().uid(), "the entry replied shows the new owner");

        EntryParam d = hold(rr.entry(r -> fs.mkdir(user, esg.ino(), Name.of("d"), 0755, r)));
        Path pd = sg.resolve("d");
        assertEquals(1000, Files.getAttribute(pd, "unix:uid"));
        assertEquals(2000, Files.getAttribute(pd, "unix:gid"), "a set-group-ID directory keeps its group");
        assertEquals(2000, d.attr().gid());

        hold(rr.entry(r -> fs.symlink(user, "sg".getBytes(UTF_8), ROOT, Name.of("l"), r)));
        assertEquals(1000, Files.getAttribute(dir.resolve("l"), "unix:uid", LinkOption.NOFOLLOW_LINKS));
        assertEquals(0, Files.getAttribute(sg, "unix:uid"), "the link itself changed owner, not its target");
    }

    @Test
    void unlinkAndRmdirWithTheirErrors() throws Exception {
        Path f = Files.writeString(dir.resolve("f"), "data");
        Path full = Files.createDirectory(dir.resolve("full"));
        Files.writeString(full.resolve("x"), "x");
        Files.createDirectory(dir.resolve("empty"));
        EntryParam ef = lookup(ROOT, "f");

        assertEquals(0, errno(rr.empty(r -> fs.unlink(req, ROOT, Name.of("f"), r))));
        assertFalse(Files.exists(f));
        Attr gone = getattr(ef.ino());
        assertEquals(0, gone.nlink(), "a node the kernel still holds outlives its last name (O_PATH keeps it)");
        assertEquals(4, gone.size());
        assertEquals(Errno.ENOENT, errno(rr.empty(r -> fs.unlink(req, ROOT, Name.of("f"), r))));
        assertEquals(Errno.EISDIR, errno(rr.empty(r -> fs.unlink(req, ROOT, Name.of("full"), r))));

        assertEquals(Errno.ENOTEMPTY, errno(rr.empty(r -> fs.rmdir(req, ROOT, Name.of("full"), r))));
        assertTrue(Files.exists(full.resolve("x")));
        assertEquals(Errno.ENOENT, errno(rr.empty(r -> fs.rmdir(req, ROOT, Name.of("nothing"), r))));
        Files.writeString(dir.resolve("file"), "y");
        assertEquals(Errno.ENOTDIR, errno(rr.empty(r -> fs.rmdir(req, ROOT, Name.of("file"), r))));
        assertEquals(0, errno(rr.empty(r -> fs.rmdir(req, ROOT, Name.of("empty"), r))));
        assertEquals(Set.of(STORE, "full", "file"), listing(dir));
    }

    @Test
    void renamePlainNoreplaceAndExchange() throws Exception {
        Path a = Files.writeString(dir.resolve("a"), "A");
        Files.writeString(dir.resolve("b"), "B");
        Path sub = Files.createDirectory(dir.resolve("sub"));
        EntryParam ea = lookup(ROOT, "a");
        EntryParam es = lookup(ROOT, "sub");

        // plain, across directories: the node keeps its id under its new name
        assertEquals(0, errno(rr.empty(r -> fs.rename(req, ROOT, Name.of("a"), es.ino(), Name.of("a2"), 0, r))));
        assertFalse(Files.exists(a));
        assertEquals("A", Files.readString(sub.resolve("a2")));
        assertEquals(ea.ino(), lookup(es.ino(), "a2").ino());
        assertEquals(Errno.ENOENT, errno(rr.empty(r -> fs.rename(req, ROOT, Name.of("a"), ROOT, Name.of("z"), 0, r))));

        // over an existing name: replaced
        Files.writeString(dir.resolve("c"), "C");
        assertEquals(0, errno(rr.empty(r -> fs.rename(req, ROOT, Name.of("c"), ROOT, Name.of("b"), 0, r))));
        assertEquals("C", Files.readString(dir.resolve("b")));
        assertFalse(Files.exists(dir.resolve("c")));

        // RENAME_NOREPLACE onto an existing name: EEXIST, both left as they were
        Files.writeString(dir.resolve("d"), "D");
        assertEquals(Errno.EEXIST, errno(rr.empty(r -> fs.rename(req, ROOT, Name.of("d"), ROOT, Name.of("b"),
                NativeIo.RENAME_NOREPLACE, r))));
        assertEquals("D", Files.readString(dir.resolve("d")));
        assertEquals("C", Files.readString(dir.resolve("b")));
        assertEquals(0, errno(rr.empty(r -> fs.rename(req, ROOT, Name.of("d"), ROOT, Name.of("e"),
                NativeIo.RENAME_NOREPLACE, r))));
        assertEquals("D", Files.readString(dir.resolve("e")));

        // RENAME_EXCHANGE: the two names swap their inodes (and the nodes follow the inodes)
        long inoB = inode(dir.resolve("b"));
        long inoE = inode(dir.resolve("e"));
        long nodeB = lookup(ROOT, "b").ino();
        assertEquals(0, errno(rr.empty(r -> fs.rename(req, ROOT, Name.of("b"), ROOT, Name.of("e"),
                NativeIo.RENAME_EXCHANGE, r))));
        assertEquals("D", Files.readString(dir.resolve("b")));
        assertEquals("C", Files.readString(dir.resolve("e")));
        assertEquals(inoE, inode(dir.resolve("b")));
        assertEquals(inoB, inode(dir.resolve("e")));
        assertEquals(nodeB, lookup(ROOT, "e").ino());
        assertEquals(Errno.ENOENT, errno(rr.empty(r -> fs.rename(req, ROOT, Name.of("b"), ROOT, Name.of("nope"),
                NativeIo.RENAME_EXCHANGE, r))));
        assertEquals("D", Files.readString(dir.resolve("b")));

        // a directory onto a non-empty directory
        Files.createDirectory(dir.resolve("emptydir"));
        assertEquals(Errno.ENOTEMPTY, errno(rr.empty(r -> fs.rename(req, ROOT, Name.of("emptydir"), ROOT,
                Name.of("sub"), 0, r))));
        assertTrue(Files.exists(sub.resolve("a2")));
        assertEquals(Set.of(STORE, "b", "e", "sub", "emptydir"), listing(dir));
    }

    // ---- files ----

    @Test
    void openReadWriteFlushReleaseRoundTrip() throws Exception {
        Path f = Files.writeString(dir.resolve("f"), "hello world");
        EntryParam e = lookup(ROOT, "f");
        long fds0 = Fds.countUnder(dir);
        long fh = open(e.ino(), NativeIo.O_RDWR);
        assertEquals(fds0 + 1, Fds.countUnder(dir), "the open file is a real descriptor of the backing file");
        assertTrue(Fds.isOpenOn((int) fh, f));

        assertArrayEquals("world".getBytes(UTF_8), read(e.ino(), fh, 5, 6));
        assertArrayEquals("hello world".getBytes(UTF_8), read(e.ino(), fh, 4096, 0), "short at end of file");
        assertArrayEquals(new byte[0], read(e.ino(), fh, 10, 100), "nothing past the end");
        assertEquals(5, write(e.ino(), fh, "HELLO".getBytes(UTF_8), 0));
        assertEquals(3, write(e.ino(), fh, "!!!".getBytes(UTF_8), 11));
        assertEquals("HELLO world!!!", Files.readString(f));
        assertArrayEquals("HELLO world!!!".getBytes(UTF_8), read(e.ino(), fh, 100, 0));
        assertEquals(0, errno(rr.empty(r -> fs.flush(req, e.ino(), fh(fh), r))));
        assertEquals(0, errno(rr.empty(r -> fs.fsync(req, e.ino(), false, fh(fh), r))));
        release(e.ino(), fh);
        assertEquals(fds0, Fds.countUnder(dir), "release closes the descriptor");

        // O_APPEND: the backing descriptor appends, whatever offset the request names
        long app = open(e.ino(), NativeIo.O_WRONLY | NativeIo.O_APPEND);
        assertEquals(1, write(e.ino(), app, "?".getBytes(UTF_8), 0));
        release(e.ino(), app);
        assertEquals("HELLO world!!!?", Files.readString(f));

        // O_TRUNC at open
        long tr = open(e.ino(), NativeIo.O_WRONLY | NativeIo.O_TRUNC);
        release(e.ino(), tr);
        assertEquals(0, Files.size(f));

        Files.createDirectory(dir.resolve("d"));
        EntryParam d = lookup(ROOT, "d");
        assertEquals(Errno.EISDIR, errno(rr.open(r -> fs.open(req, d.ino(), fi(NativeIo.O_RDWR), r))));
    }

    @Test
    void setattrChmodTruncateAndTimes() throws Exception {
        Path f = Files.writeString(dir.resolve("f"), "0123456789");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
        EntryParam e = lookup(ROOT, "f");

        Attr a = rr.attr(rr.attr(r -> fs.setattr(req, e.ino(), set(SetAttr.MODE, 0600, 0, 0, 0, 0), null, r)));
        assertEquals(0600, a.mode() & 07777);
        assertEquals(Attr.S_IFREG, a.mode() & Attr.S_IFMT);
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(f));

        // truncate through the node (no open file), then through an open file (which may also extend)
        a = rr.attr(rr.attr(r -> fs.setattr(req, e.ino(), set(SetAttr.SIZE, 0, 3, 0, 0, 0), null, r)));
        assertEquals(3, a.size());
        assertEquals("012", Files.readString(f));
        long fh = open(e.ino(), NativeIo.O_RDWR);
        a = rr.attr(rr.attr(r -> fs.setattr(req, e.ino(), set(SetAttr.SIZE, 0, 8, 0, 0, 0), fh(fh), r)));
        assertEquals(8, a.size());
        assertEquals(8, Files.size(f));
        release(e.ino(), fh);

        // explicit times, to the nanosecond
        long atime = 1_000_000_000L;
        long mtime = 1_200_000_000L;
        a = rr.attr(rr.attr(r -> fs.setattr(req, e.ino(),
                new SetAttr(SetAttr.ATIME | SetAttr.MTIME, 0, 0, 0, 0, atime, 123, mtime, 456789), null, r)));
        assertEquals(mtime, a.mtimeSec());
        assertEquals(456789, a.mtimeNsec());
        assertEquals(atime, a.atimeSec());
        assertEquals(Instant.ofEpochSecond(mtime, 456789), Files.getLastModifiedTime(f).toInstant());
        assertEquals(Instant.ofEpochSecond(atime, 123),
                ((FileTime) Files.getAttribute(f, "lastAccessTime")).toInstant());

        // mtime = now, atime left alone (UTIME_OMIT)
        Instant before = Instant.now().minusSeconds(2);
        a = rr.attr(rr.attr(r -> fs.setattr(req, e.ino(),
                new SetAttr(SetAttr.MTIME | SetAttr.MTIME_NOW, 0, 0, 0, 0, 0, 0, 0, 0), null, r)));
        assertTrue(Files.getLastModifiedTime(f).toInstant().isAfter(before));
        assertEquals(atime, a.atimeSec(), "atime not named, so not changed");

        // the times of a symlink are its own; its target keeps its times
        Path l = Files.createSymbolicLink(dir.resolve("l"), Path.of("f"));
        EntryParam el = lookup(ROOT, "l");
        Instant targetMtime = Files.getLastModifiedTime(f).toInstant();
        rr.attr(rr.attr(r -> fs.setattr(req, el.ino(),
                new SetAttr(SetAttr.MTIME, 0, 0, 0, 0, 0, 0, mtime, 0), null, r)));
        assertEquals(Instant.ofEpochSecond(mtime), Files.getLastModifiedTime(l, LinkOption.NOFOLLOW_LINKS).toInstant());
        assertEquals(targetMtime, Files.getLastModifiedTime(f).toInstant());
    }

    private static SetAttr set(int valid, int mode, long size, long atimeSec, long mtimeSec, long nsec) {
        return new SetAttr(valid, mode, 0, 0, size, atimeSec, nsec, mtimeSec, nsec);
    }

    @Test
    void fileRangesCopyFallocateAndSeek() throws Exception {
        Path src = Files.writeString(dir.resolve("src"), "abcdef");
        Path dst = Files.createFile(dir.resolve("dst"));
        EntryParam es = lookup(ROOT, "src");
        EntryParam ed = lookup(ROOT, "dst");
        long in = open(es.ino(), NativeIo.O_RDONLY);
        long out = open(ed.ino(), NativeIo.O_RDWR);
        assertEquals(3, rr.written(rr.write(r -> fs.copyFileRange(req, es.ino(), 1, fh(in), ed.ino(), 2, fh(out), 3, 0,
                r))));
        assertArrayEquals(new byte[] {0, 0, 'b', 'c', 'd'}, Files.readAllBytes(dst));

        assertEquals(0, errno(rr.empty(r -> fs.fallocate(req, ed.ino(), 0, 0, 8192, fh(out), r))));
        assertEquals(8192, Files.size(dst));
        assertEquals(6, rr.offset(rr.lseek(r -> fs.lseek(req, es.ino(), 0, NativeIo.SEEK_HOLE, fh(in), r))));
        assertEquals(Errno.ENXIO, errno(rr.lseek(r -> fs.lseek(req, es.ino(), 6, NativeIo.SEEK_DATA, fh(in), r))));
        assertEquals(0, errno(rr.empty(r -> fs.access(req, es.ino(), 4, r))));
        release(es.ino(), in);
        release(ed.ino(), out);
        assertEquals("abcdef", Files.readString(src));
    }

    /** The access mode and status flags of our descriptor {@code fd}, from /proc/self/fdinfo. */
    private static int openFlags(long fd) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/fdinfo/" + fd))) {
            if (line.startsWith("flags:")) return Integer.parseInt(line.substring(6).trim(), 8);
        }
        throw new AssertionError("no flags in fdinfo of " + fd);
    }

    @Test
    void withWritebackAWriteOnlyAppendOpenIsReadWriteWithoutAppend() throws Exception {
        Path f = Files.writeString(dir.resolve("f"), "0123");
        long node = lookup(ROOT, "f").ino();
        long fh = open(node, NativeIo.O_WRONLY | NativeIo.O_APPEND);
        assertEquals(NativeIo.O_WRONLY, openFlags(fh) & NativeIo.O_ACCMODE, "without writeback: as asked");
        assertTrue((openFlags(fh) & NativeIo.O_APPEND) != 0);
        release(node, fh);

        PassthroughFs wb = PassthroughFs.open(dir, new PassthroughOptions(1, 1, true, true, false, STORE));
        try {
            EntryParam e = rr.entry(rr.entry(r -> wb.lookup(req, ROOT, Name.of("f"), r)));
            var opened = rr.opened(rr.open(r -> wb.open(req, e.ino(),
                    fi(NativeIo.O_WRONLY | NativeIo.O_APPEND), r)));
            long wfh = opened.fh();
            assertTrue(opened.options().directIo(), "direct_io asked for every open");
            assertEquals(NativeIo.O_RDWR, openFlags(wfh) & NativeIo.O_ACCMODE, "the kernel's cache may read it");
            assertEquals(0, openFlags(wfh) & NativeIo.O_APPEND, "appending is the kernel's job with writeback");
            rr.written(rr.write(r -> wb.write(req, e.ino(), RecordingReplies.writeData("ab".getBytes(UTF_8)), 1,
                    fh(wfh), r)));
            assertEquals("0ab3", Files.readString(f));
            rr.empty(r -> wb.release(req, e.ino(), fh(wfh), r));
            wb.forget(e.ino(), 1);
        } finally {
            wb.closeMountDescriptor();
            NativeIo.close(fdOf(wb, ROOT));
        }
    }

    /**
     * With two node descriptors for many nodes: a file unlinked while open keeps answering requests without a handle
     * (its node stays pinned by the open file, while a handle of the deleted inode could not be opened any more);
     * fstat-style requests use the open file's own descriptor; after the release the node is stale.
     */
    @Test
    void anUnlinkedOpenFileKeepsWorkingWithABoundOfTwo() throws Exception {
        PassthroughFs small = PassthroughFs.open(dir, PassthroughOptions.defaults().withMaxFds(2));
        try {
            Files.writeString(dir.resolve("f"), "data");
            for (int i = 0; i < 8; i++) Files.writeString(dir.resolve("o" + i), "o");
            EntryParam e = rr.entry(rr.entry(r -> small.lookup(req, ROOT, Name.of("f"), r)));
            long fh = rr.opened(rr.open(r -> small.open(req, e.ino(), fi(NativeIo.O_RDWR), r))).fh();
            assertEquals(0, errno(rr.empty(r -> small.unlink(req, ROOT, Name.of("f"), r))));
            List<Long> others = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Name o = Name.of("o" + i);
                others.add(rr.entry(rr.entry(r -> small.lookup(req, ROOT, o, r))).ino());
            }
            Attr viaNode = rr.attr(rr.attr(r -> small.getattr(req, e.ino(), null, r)));
            assertEquals(0, viaNode.nlink(), "getattr without a handle answers for the deleted file");
            Attr viaFile = rr.attr(rr.attr(r -> small.getattr(req, e.ino(), fh(fh), r)));
            assertEquals(e.attr().ino(), viaFile.ino());
            assertEquals(0, errno(rr.empty(r -> small.setxattr(req, e.ino(), Name.of("user.k"), "v".getBytes(UTF_8),
                    0, r))), "xattrs of the unlinked open file");
            rr.empty(r -> small.release(req, e.ino(), fh(fh), r));
            for (long o : others) rr.attr(rr.attr(r -> small.getattr(req, o, null, r)));  // evicts the released node
            assertEquals(Errno.ESTALE, errno(rr.attr(r -> small.getattr(req, e.ino(), null, r))),
                    "released and deleted: its handle is stale");
            small.forget(e.ino(), 1);
            for (long o : others) small.forget(o, 1);
        } finally {
            small.closeMountDescriptor();
            NativeIo.close(fdOf(small, ROOT));
        }
    }

    @Test
    void posixLocksBelongToTheirOwnerAndGoAtItsFlush() throws Exception {
        Files.writeString(dir.resolve("f"), "0123456789");
        long ino = lookup(ROOT, "f").ino();
        long fhA = open(ino, NativeIo.O_RDWR);
        long fhB = open(ino, NativeIo.O_RDWR);
        FileInfo ownerA = new FileInfo(NativeIo.O_RDWR, fhA, 0xA, false, false);
        FileInfo ownerB = new FileInfo(NativeIo.O_RDWR, fhB, 0xB, false, false);
        int wr = 1;
        long fds0 = Fds.countUnder(dir);
        assertEquals(0, errno(rr.empty(r -> fs.setlk(req, ino, ownerA, new Lock(wr, NativeIo.SEEK_SET, 0, 5, 111),
                false, r))));
        assertEquals(fds0 + 1, Fds.countUnder(dir), "the owner's own description of the file");

        Lock seen = rr.lock(rr.lock(r -> fs.getlk(req, ino, ownerB, new Lock(wr, NativeIo.SEEK_SET, 2, 1, 222), r)));
        assertEquals(wr, seen.type());
        assertEquals(0, seen.start());
        assertEquals(5, seen.len());
        assertEquals(111, seen.pid(), "the holder is named by its pid");
        assertEquals(NativeIo.F_UNLCK, rr.lock(rr.lock(r -> fs.getlk(req, ino, ownerA,
                new Lock(wr, NativeIo.SEEK_SET, 2, 1, 111), r))).type(), "an owner does not conflict with itself");
        assertEquals(Errno.EAGAIN, errno(rr.empty(r -> fs.setlk(req, ino, ownerB,
                new Lock(wr, NativeIo.SEEK_SET, 4, 2, 222), false, r))));
        assertEquals(0, errno(rr.empty(r -> fs.setlk(req, ino, ownerB, new Lock(wr, NativeIo.SEEK_SET, 5, 5, 222),
                false, r))), "a range that does not overlap");

        // a close by owner A (FLUSH with its lock owner) drops all of A's locks
        assertEquals(0, errno(rr.empty(r -> fs.flush(req, ino, ownerA, r))));
        assertEquals(0, errno(rr.empty(r -> fs.setlk(req, ino, ownerB, new Lock(wr, NativeIo.SEEK_SET, 0, 5, 222),
                false, r))));
        assertEquals(0, errno(rr.empty(r -> fs.setlk(req, ino, ownerB,
                new Lock(NativeIo.F_UNLCK, NativeIo.SEEK_SET, 0, 0, 222), false, r))), "unlock everything");
        assertEquals(fds0, Fds.countUnder(dir), "no description is left once no owner holds a lock");
        release(ino, fhA);
        release(ino, fhB);
    }

    // ---- directories ----

    @Test
    void readdirListsEveryEntryOnceWhateverTheBufferSize() throws Exception {
        Set<String> expected = new HashSet<>(Set.of(".", ".."));
        for (int i = 0; i < 40; i++) {
            String n = "file-" + i;
            Files.writeString(dir.resolve(n), n);
            expected.add(n);
        }
        Files.createDirectory(dir.resolve("subdir"));
        expected.add("subdir");

        List<DirEntry> big = readdirAll(ROOT, 64 * 1024, false);
        assertEquals(expected, names(big));
        assertEquals(expected.size(), big.size(), "no duplicates");
        for (DirEntry e : big) {
            String n = e.name().toString();
            if (n.equals(".") || n.equals("..")) continue;
            Path p = dir.resolve(n);
            assertEquals(inode(p), e.ino(), n);
            assertEquals(Files.isDirectory(p) ? Attr.S_IFDIR : Attr.S_IFREG, e.type(), n);
        }

        // requests of 100 bytes (at most 2 entries each), each starting at the last entry's next offset
        List<DirEntry> small = readdirAll(ROOT, 100, false);
        assertEquals(big.stream().map(e -> e.name().toString()).toList(),
                small.stream().map(e -> e.name().toString()).toList(), "the same entries in the same order");

        // a request at an entry's offset (seekdir) starts at the entry after it
        long fh = opendir(ROOT);
        DirEntry tenth = big.get(9);
        List<DirEntry> rest = readdir(ROOT, fh, 64 * 1024, tenth.nextOffset(), false);
        assertEquals(big.subList(10, big.size()), rest);
        List<DirEntry> fromStart = readdir(ROOT, fh, 64 * 1024, 0, false);
        assertEquals(big, fromStart, "offset 0 rewinds");
        assertTrue(readdir(ROOT, fh, 64 * 1024, big.getLast().nextOffset(), false).isEmpty(), "end of directory");
        releasedir(ROOT, fh);

        assertEquals(Errno.EBADF, errno(rr.directory(4096, false, r -> fs.readdir(req, ROOT, 4096, 0, fh(999999), r))));
    }

    @Test
    void readdirplusCountsOnlyTheEntriesThatFit() throws Exception {
        Path d = Files.createDirectory(dir.resolve("d"));
        for (int i = 0; i < 10; i++) Files.writeString(d.resolve("f" + i), "x");
        EntryParam ed = lookup(ROOT, "d");
        long fds0 = Fds.countUnder(dir);

        List<String> order = readdirAll(ed.ino(), 64 * 1024, false).stream().map(e -> e.name().toString()).toList();
        assertEquals(12, order.size());

        // a direntplus with a name of up to 8 bytes takes 160 bytes: 3 fit in 500, and the 4th does not. After
        // every request exactly the nodes sent so far hold a descriptor: the lookup reference taken for the entry
        // that did not fit was given back (passthrough_ll's rule), or its node would be open one request early.
        long fh = opendir(ed.ino());
        long fdsOpen = Fds.countUnder(dir);
        assertEquals(fds0 + 1, fdsOpen, "the open directory");
        List<DirEntry> sent = new ArrayList<>();
        Set<Long> nodes = new HashSet<>();
        long offset = 0;
        while (true) {
            List<DirEntry> got = readdir(ed.ino(), fh, 500, offset, true);
            if (got.isEmpty()) break;
            assertTrue(got.size() <= 3);
            if (sent.size() + got.size() < order.size()) assertEquals(3, got.size(), "full requests until the end");
            for (DirEntry e : got) {
                if (e.name().isDotOrDotDot()) {
                    assertEquals(0, e.entry().ino(), ". and .. take no reference");
                    continue;
                }
                Path p = d.resolve(e.name().toString());
                assertEquals(inode(p), e.entry().attr().ino());
                assertEquals(e.entry().ino(), e.ino(), "a readdirplus entry names its node");
                assertEquals(inode(p), fs.nodes().node(e.entry().ino()).ino());
                assertTrue(Fds.isOpenOn(fdOf(fs, e.entry().ino()), p));
                nodes.add(e.entry().ino());
            }
            sent.addAll(got);
            assertEquals(fdsOpen + nodes.size(), Fds.countUnder(dir), "after " + sent.size() + " entries: one O_PATH per"
                    + " node sent, none for the entry that did not fit");
            offset = got.getLast().nextOffset();
        }
        releasedir(ed.ino(), fh);
        assertEquals(order, sent.stream().map(e -> e.name().toString()).toList(),
                "the entry that did not fit is the first of the next request: nothing lost, nothing twice");
        assertEquals(10, nodes.size());
        assertEquals(fds0 + 10, Fds.countUnder(dir));

        // each entry holds exactly one reference: one forget each and they are gone
        for (long id : nodes) forget(id, 1);
        assertEquals(fds0, Fds.countUnder(dir));

        // an entry whose node is already known is that node, with one more reference
        EntryParam f0 = lookup(ed.ino(), "f0");
        List<DirEntry> again = readdirAll(ed.ino(), 64 * 1024, true);
        DirEntry f0Entry = again.stream().filter(e -> e.name().is("f0")).findFirst().orElseThrow();
        assertEquals(f0.ino(), f0Entry.entry().ino());
        forget(f0.ino(), 1);
        assertEquals(inode(d.resolve("f0")), getattr(f0.ino()).ino(), "the readdirplus reference is still held");
    }

    // ---- xattrs, statfs ----

    @Test
    void xattrSizeQueryValueAndErange() throws Exception {
        Path f = Files.writeString(dir.resolve("f"), "x");
        EntryParam e = lookup(ROOT, "f");
        Name name = Name.of("user.test");
        byte[] value = "some value".getBytes(UTF_8);
        assertEquals(0, errno(rr.empty(r -> fs.setxattr(req, e.ino(), name, value, 0, r))));
        UserDefinedFileAttributeView view = Files.getFileAttributeView(f, UserDefinedFileAttributeView.class);
        ByteBuffer buf = ByteBuffer.allocate(64);
        view.read("test", buf);
        assertEquals("some value", new String(buf.array(), 0, buf.position(), UTF_8));

        assertEquals(value.length, rr.xattrSize(rr.xattr(r -> fs.getxattr(req, e.ino(), name, 0, r))));
        assertArrayEquals(value, rr.bytes(rr.xattr(r -> fs.getxattr(req, e.ino(), name, 100, r))));
        assertArrayEquals(value, rr.bytes(rr.xattr(r -> fs.getxattr(req, e.ino(), name, value.length, r))));
        assertEquals(Errno.ERANGE, errno(rr.xattr(r -> fs.getxattr(req, e.ino(), name, value.length - 1, r))));
        assertEquals(Errno.ENODATA, errno(rr.xattr(r -> fs.getxattr(req, e.ino(), Name.of("user.none"), 0, r))));
        assertEquals(Errno.EEXIST, errno(rr.empty(r -> fs.setxattr(req, e.ino(), name, value,
                NativeIo.XATTR_CREATE, r))));

        long listSize = rr.xattrSize(rr.xattr(r -> fs.listxattr(req, e.ino(), 0, r)));
        byte[] list = rr.bytes(rr.xattr(r -> fs.listxattr(req, e.ino(), listSize, r)));
        assertEquals(listSize, list.length);
        assertTrue(new String(list, UTF_8).contains("user.test\0"));
        if (listSize > 1) {
            assertEquals(Errno.ERANGE, errno(rr.xattr(r -> fs.listxattr(req, e.ino(), listSize - 1, r))));
        }

        assertEquals(0, errno(rr.empty(r -> fs.removexattr(req, e.ino(), name, r))));
        assertFalse(view.list().contains("test"));
        assertEquals(Errno.ENODATA, errno(rr.empty(r -> fs.removexattr(req, e.ino(), name, r))));
    }

    @Test
    void theXattrsOfASymlinkAreItsOwnNotItsTargets() throws Exception {
        Path f = Files.writeString(dir.resolve("f"), "x");
        Files.getFileAttributeView(f, UserDefinedFileAttributeView.class)
                .write("target", ByteBuffer.wrap("t".getBytes(UTF_8)));
        Files.createSymbolicLink(dir.resolve("l"), Path.of("f"));
        EntryParam l = lookup(ROOT, "l");
        EntryParam ef = lookup(ROOT, "f");
        assertEquals(1, rr.xattrSize(rr.xattr(r -> fs.getxattr(req, ef.ino(), Name.of("user.target"), 0, r))));
        assertEquals(Errno.ENODATA, errno(rr.xattr(r -> fs.getxattr(req, l.ino(), Name.of("user.target"), 0, r))),
                "lgetxattr: the symlink has no such attribute");
        byte[] list = rr.bytes(rr.xattr(r -> fs.listxattr(req, l.ino(), 1024, r)));
        assertFalse(new String(list, UTF_8).contains("user.target"), "llistxattr");
        assertEquals(Errno.EPERM, errno(rr.empty(r -> fs.setxattr(req, l.ino(), Name.of("user.x"),
                "v".getBytes(UTF_8), 0, r))), "the backing FS refuses user.* on a symlink itself");
    }

    @Test
    void statfsIsTheBackingFilesystems() throws Exception {
        StatFs s = rr.statfs(rr.statfs(r -> fs.statfs(req, ROOT, r)));
        FileStore store = Files.getFileStore(dir);
        assertEquals(store.getTotalSpace(), s.blocks() * s.frsize());
        assertEquals(store.getBlockSize(), s.frsize());
        assertTrue(s.bfree() >= s.bavail());
        assertTrue(s.namemax() > 0);
        Files.createDirectory(dir.resolve("d"));
        EntryParam d = lookup(ROOT, "d");
        assertEquals(s.blocks(), rr.statfs(rr.statfs(r -> fs.statfs(req, d.ino(), r))).blocks());
    }

    // ---- names are bytes ----

    @Test
    void aNameThatIsNotUtf8IsKeptExactly() throws Exception {
        byte[] raw = {'n', (byte) 0xff, (byte) 0xfe, 'a', (byte) 0x80, 'm'};
        Name name = Name.of(raw);
        var c = rr.created(rr.create(r -> fs.create(req, ROOT, name, 0644,
                fi(NativeIo.O_RDWR | NativeIo.O_CREAT | NativeIo.O_EXCL), r)));
        held.add(c.entry().ino());
        assertEquals(2, write(c.entry().ino(), c.fh(), "ok".getBytes(UTF_8), 0));
        release(c.entry().ino(), c.fh());

        // on the backing directory the name is the same bytes (read raw: java.nio would decode it lossily)
        assertEquals(Set.of(new String(raw, ISO_8859_1)), rawNames(dir));

        assertEquals(c.entry().ino(), hold(lookupReply(ROOT, name)).ino());
        Name lossy = Name.of(new String(raw, UTF_8));
        assertEquals(Errno.ENOENT, errno(lookupReply(ROOT, lossy)), "the UTF-8 replacement is another name");
        DirEntry listed = readdirAll(ROOT, 4096, false).stream().filter(e -> !e.name().isDotOrDotDot())
                .findFirst().orElseThrow();
        assertArrayEquals(raw, listed.name().toBytes());

        byte[] renamed = {(byte) 0xc3, (byte) 0x28, '2'};
        assertEquals(0, errno(rr.empty(r -> fs.rename(req, ROOT, name, ROOT, Name.of(renamed), 0, r))));
        assertEquals(Set.of(new String(renamed, ISO_8859_1)), rawNames(dir));
        assertEquals(c.entry().ino(), hold(lookupReply(ROOT, Name.of(renamed))).ino());
        assertEquals(0, errno(rr.empty(r -> fs.unlink(req, ROOT, Name.of(renamed), r))));
        assertEquals(Set.of(), rawNames(dir));
    }

    /** The names in {@code d} other than ., .. and the store, bytes as ISO-8859-1 chars (a lossless mapping). */
    private static Set<String> rawNames(Path d) throws FsException {
        int fd = NativeIo.open(d.toString(), NativeIo.O_RDONLY | NativeIo.O_DIRECTORY | NativeIo.O_CLOEXEC, 0);
        try {
            Set<String> out = new HashSet<>();
            for (NativeIo.DirEntry e : NativeIo.readDirectory(fd, 0, 64 * 1024)) {
                if (e.name().isDotOrDotDot() || e.name().is(STORE)) continue;
                out.add(new String(e.name().toBytes(), ISO_8859_1));
            }
            return out;
        } finally {
            NativeIo.close(fd);
        }
    }

    // ---- read-only ----

    @Test
    void aReadOnlyPassthroughRefusesChangesWithErofs() throws Exception {
        Files.writeString(dir.resolve("f"), "x");
        PassthroughFs ro = PassthroughFs.open(dir, new PassthroughOptions(1, 1, false, false, true, STORE));
        try {
            EntryParam e = rr.entry(rr.entry(r -> ro.lookup(req, ROOT, Name.of("f"), r)));
            assertEquals(Errno.EROFS, errno(rr.entry(r -> ro.mkdir(req, ROOT, Name.of("d"), 0755, r))));
            assertEquals(Errno.EROFS, errno(rr.empty(r -> ro.unlink(req, ROOT, Name.of("f"), r))));
            assertEquals(Errno.EROFS, errno(rr.open(r -> ro.open(req, e.ino(), fi(NativeIo.O_RDWR), r))));
            assertEquals(Errno.EROFS, errno(rr.attr(r -> ro.setattr(req, e.ino(), set(SetAttr.SIZE, 0, 0, 0, 0, 0),
                    null, r))));
            long fh = rr.opened(rr.open(r -> ro.open(req, e.ino(), fi(NativeIo.O_RDONLY), r))).fh();
            assertArrayEquals("x".getBytes(UTF_8), rr.bytes(rr.data(r -> ro.read(req, e.ino(), 10, 0, fh(fh), r))));
            rr.empty(r -> ro.release(req, e.ino(), fh(fh), r));
            ro.forget(e.ino(), 1);
            assertEquals(Set.of(STORE, "f"), listing(dir));
        } finally {
            ro.closeMountDescriptor();
            NativeIo.close(fdOf(ro, ROOT));
        }
    }

    @Test
    void fsyncIsAnsweredOnTheReaderOnlyOnAMemoryFilesystem() throws Exception {
        boolean memory = Set.of("tmpfs", "ramfs").contains(Files.getFileStore(dir).type());
        assertEquals(memory ? vexfs.fuse.Op.Lane.INLINE : null, fs.laneFor(vexfs.fuse.Op.FSYNC, ROOT), "backing " + dir);
        assertEquals(memory, fs.syncIsFree());
        assertEquals(null, fs.laneFor(vexfs.fuse.Op.WRITE, ROOT), "other ops keep their own lanes");
        Path shm = Path.of("/dev/shm");
        assumeTrue(Files.isDirectory(shm) && "tmpfs".equals(Files.getFileStore(shm).type()), "no tmpfs at /dev/shm");
        Path onTmpfs = Files.createTempDirectory(shm, "vexfs-lane");
        try {
            PassthroughFs mem = PassthroughFs.open(onTmpfs, PassthroughOptions.defaults());
            try {
                assertEquals(vexfs.fuse.Op.Lane.INLINE, mem.laneFor(vexfs.fuse.Op.FSYNC, ROOT));
                assertEquals(vexfs.fuse.Op.Lane.INLINE, mem.laneFor(vexfs.fuse.Op.FSYNCDIR, ROOT));
                assertEquals(null, mem.laneFor(vexfs.fuse.Op.FSYNC, 999_999), "a node it does not know: the default");
            } finally {
                mem.closeMountDescriptor();
                NativeIo.close(fdOf(mem, ROOT));
            }
        } finally {
            Files.delete(onTmpfs);
        }
    }

    private byte[] xattrOf(long ino, Name name) {
        long size = rr.xattrSize(rr.xattr(r -> fs.getxattr(req, ino, name, 0, r)));
        byte[] v = rr.bytes(rr.xattr(r -> fs.getxattr(req, ino, name, 64, r)));
        assertEquals(size, v.length);
        return v;
    }

    @Test
    void xattrsOfAnOpenFileAreReadThroughItsDescriptorAndNeverThroughAClosedOne() throws Exception {
        Name name = Name.of("user.which");
        Path a = Files.writeString(dir.resolve("a"), "a");
        Path b = Files.writeString(dir.resolve("b"), "b");
        Files.getFileAttributeView(a, UserDefinedFileAttributeView.class).write("which", ByteBuffer.wrap("A".getBytes(UTF_8)));
        Files.getFileAttributeView(b, UserDefinedFileAttributeView.class).write("which", ByteBuffer.wrap("BB".getBytes(UTF_8)));
        EntryParam ea = lookup(ROOT, "a");
        EntryParam eb = lookup(ROOT, "b");
        assertArrayEquals("A".getBytes(UTF_8), xattrOf(ea.ino(), name), "no file open: through the O_PATH descriptor");
        long fa = open(ea.ino(), NativeIo.O_WRONLY);
        assertArrayEquals("A".getBytes(UTF_8), xattrOf(ea.ino(), name), "open write-only: through its descriptor");
        assertEquals(Errno.ENODATA, errno(rr.xattr(r -> fs.getxattr(req, ea.ino(), Name.of("user.none"), 0, r))));
        release(ea.ino(), fa);
        long fb = open(eb.ino(), NativeIo.O_RDONLY);  // the kernel hands out the lowest free number: most likely fa's
        assertArrayEquals("A".getBytes(UTF_8), xattrOf(ea.ino(), name),
                "a's own attribute after its release, not that of the file now holding descriptor " + fb);
        assertArrayEquals("BB".getBytes(UTF_8), xattrOf(eb.ino(), name));
        assertEquals(Errno.ERANGE, errno(rr.xattr(r -> fs.getxattr(req, eb.ino(), name, 1, r))), "too small a buffer");
        release(eb.ino(), fb);
    }
}
