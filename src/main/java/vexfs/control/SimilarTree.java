package vexfs.control;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import vexfs.fuse.EntryParam;
import vexfs.fuse.Request;
import vexfs.libc.Attr;
import vexfs.libc.Errno;
import vexfs.libc.FsException;
import vexfs.libc.Name;
import vexfs.volume.MountPath;

/**
 * /.vexfs/similar/: a directory mirror of the real tree in which the node of a regular file is itself a
 * directory listing its k nearest other files as symlinks {@code 01-<name>}, {@code 02-<name>}, ... whose
 * relative targets resolve to the real files in the mount. Names and targets are the backing names' bytes
 * ({@link MountPath}), so names that are not UTF-8 are mirrored and linked exactly.
 */
final class SimilarTree {
    /** A directory entry of the control tree: {@code ino} is -1 when the node is made on lookup; {@code linked} is the file a neighbour link points at. */
    record Row(Name name, long ino, int mode, MountPath linked) {
        Row(Name name, long ino, int mode) {
            this(name, ino, mode, null);
        }
    }

    private final ControlNodes nodes;
    private final SearchBackend backend;
    private final BackingTree backing;
    private final int k;

    SimilarTree(ControlNodes nodes, SearchBackend backend, Path backingRoot, int k) {
        this.nodes = nodes;
        this.backend = backend;
        this.backing = new BackingTree(backingRoot);
        this.k = k;
    }

    private MountPath pathOf(long ino) throws FsException {
        if (ino == ControlNodes.SIMILAR) return MountPath.ROOT;
        ControlNodes.Dynamic d = nodes.get(ino);
        if (d == null || d.symlink()) throw new FsException(Errno.ENOENT);
        return d.path();
    }

    Attr attr(long ino, ControlFs fs) throws FsException {
        ControlNodes.Dynamic d = nodes.get(ino);
        if (d == null) throw new FsException(Errno.ENOENT);
        if (d.symlink()) return fs.attr(ino, Attr.S_IFLNK | 0777, d.target().length);
        return fs.attr(ino, Attr.S_IFDIR | 0555, 0);
    }

    EntryParam lookup(Request req, long parent, Name name, ControlFs fs) throws FsException {
        MountPath dir = pathOf(parent);
        if (backing.isDirectory(dir)) {
            if (dir.isRoot() && name.equals(ControlFs.DIR_NAME)) throw new FsException(Errno.ENOENT);
            // no probing for names where the caller could not look them up directly
            if (!AccessCheck.canSearch(backing.root(), dir, Caller.of(req))) throw new FsException(Errno.EACCES);
            if (name.isDotOrDotDot()) throw new FsException(Errno.ENOENT);
            MountPath c = dir.child(name);
            Attr a = backing.stat(c);
            if (a == null || !a.isDirectory() && !a.isRegular()) throw new FsException(Errno.ENOENT);
            ControlNodes.Dynamic d = nodes.dir(c);
            return fs.entryFor(d.id());
        }
        // parent mirrors a regular file: its entries are the neighbour links
        for (Row r : neighbours(req, dir)) {
            if (r.name().equals(name)) return linkEntry(dir, r, fs);
        }
        throw new FsException(Errno.ENOENT);
    }

    private EntryParam linkEntry(MountPath dir, Row link, ControlFs fs) throws FsException {
        ControlNodes.Dynamic l = nodes.symlink(dir.child(link.name()), link.linked());
        return fs.entryFor(l.id());
    }

    /**
     * The entry (one lookup reference) for a row that {@link #list} returned under {@code parent}. A neighbour link
     * is made from the row itself, so readdirplus does not repeat the neighbour search once per link.
     */
    EntryParam entry(Request req, long parent, Row row, ControlFs fs) throws FsException {
        if (row.linked() != null) return linkEntry(pathOf(parent), row, fs);
        return lookup(req, parent, row.name(), fs);
    }

    /** The rows of a similar/ node for readdir. */
    List<Row> list(Request req, long ino) throws FsException {
        MountPath dir = pathOf(ino);
        List<Row> out = new ArrayList<>();
        out.add(new Row(Name.of("."), ino, Attr.S_IFDIR));
        out.add(new Row(Name.of(".."), ino == ControlNodes.SIMILAR ? ControlNodes.DIR : ControlNodes.SIMILAR,
                Attr.S_IFDIR));
        if (backing.isDirectory(dir)) {
            // the mirror lists what the caller could list directly, nothing more
            if (!AccessCheck.canList(backing.root(), dir, Caller.of(req))) throw new FsException(Errno.EACCES);
            for (Name n : backing.dirsAndFiles(dir)) {
                if (dir.isRoot() && n.equals(ControlFs.DIR_NAME)) continue;
                out.add(new Row(n, -1L, Attr.S_IFDIR));
            }
        } else {
            out.addAll(neighbours(req, dir));
        }
        return out;
    }

    /** The neighbour links of the file {@code path}: named {@code NN-<name>}, pointing at the neighbour files. */
    private List<Row> neighbours(Request req, MountPath path) throws FsException {
        if (!backing.isRegular(path)) throw new FsException(Errno.ENOENT);
        List<SearchBackend.Hit> hits = backend.neighbours(path, k, Caller.of(req));
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < hits.size(); i++) {
            MountPath file = hits.get(i).path();
            out.add(new Row(linkName(i + 1, file.lastName()), -1L, Attr.S_IFLNK, file));
        }
        return out;
    }

    /**
     * "NN-" then the name's bytes, cut at NAME_MAX (255) bytes: a longer link name would be listed but could not be
     * looked up (the kernel refuses names over 255 bytes with ENAMETOOLONG). The rank keeps cut names distinct, and
     * the link's target is the full path.
     */
    static Name linkName(int rank, Name base) {
        byte[] prefix = String.format(java.util.Locale.ROOT, "%02d-", rank).getBytes(StandardCharsets.US_ASCII);
        int n = Math.min(base.length(), NAME_MAX - prefix.length);
        byte[] b = Arrays.copyOf(prefix, prefix.length + n);
        for (int i = 0; i < n; i++) b[prefix.length + i] = base.byteAt(i);
        return Name.of(b);
    }

    private static final int NAME_MAX = 255;

    byte[] target(long ino) throws FsException {
        ControlNodes.Dynamic d = nodes.get(ino);
        if (d == null || !d.symlink()) throw new FsException(Errno.EINVAL);
        return d.target();
    }

    void forget(long ino, long n) {
        nodes.forget(ino, n);
    }
}
