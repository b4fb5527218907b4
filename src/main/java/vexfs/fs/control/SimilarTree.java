package vexfs.fs.control;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import vexfs.fuse.Attr;
import vexfs.fuse.EntryParam;
import vexfs.fuse.Errno;
import vexfs.fuse.FsException;
import vexfs.fuse.Name;
import vexfs.fuse.Request;

/**
 * /.vexfs/similar/: a directory mirror of the real tree in which the node of a regular file is itself a
 * directory listing its k nearest other files as symlinks {@code 01-<name>}, {@code 02-<name>}, ... whose
 * relative targets resolve to the real files in the mount. Names are UTF-8 here (a name that is not valid
 * UTF-8 cannot be mirrored).
 */
final class SimilarTree {
    /** A directory entry of the control tree: {@code ino} is -1 when the node is made on lookup; {@code target} is set for neighbour links. */
    record Row(Name name, long ino, int mode, String target) {
        Row(Name name, long ino, int mode) {
            this(name, ino, mode, null);
        }
    }

    private final ControlNodes nodes;
    private final SearchBackend backend;
    private final Path backingRoot;
    private final int k;

    SimilarTree(ControlNodes nodes, SearchBackend backend, Path backingRoot, int k) {
        this.nodes = nodes;
        this.backend = backend;
        this.backingRoot = backingRoot;
        this.k = k;
    }

    private String pathOf(long ino) throws FsException {
        if (ino == ControlNodes.SIMILAR) return "/";
        ControlNodes.Dynamic d = nodes.get(ino);
        if (d == null || d.symlink()) throw new FsException(Errno.ENOENT);
        return d.path();
    }

    private static String child(String dir, Name name) {
        return dir.equals("/") ? "/" + name : dir + "/" + name;
    }

    private Path backing(String path) {
        return path.equals("/") ? backingRoot : backingRoot.resolve(path.substring(1));
    }

    Attr attr(long ino, ControlFs fs) throws FsException {
        ControlNodes.Dynamic d = nodes.get(ino);
        if (d == null) throw new FsException(Errno.ENOENT);
        if (d.symlink()) return fs.attr(ino, Attr.S_IFLNK | 0777, d.target().length());
        return fs.attr(ino, Attr.S_IFDIR | 0555, 0);
    }

    EntryParam lookup(Request req, long parent, Name name, ControlFs fs) throws FsException {
        String dir = pathOf(parent);
        Path real = backing(dir);
        if (Files.isDirectory(real, LinkOption.NOFOLLOW_LINKS)) {
            if (dir.equals("/") && name.equals(ControlFs.DIR_NAME)) throw new FsException(Errno.ENOENT);
            // no probing for names where the caller could not look them up directly
            if (!AccessCheck.canSearch(backingRoot, dir, Caller.of(req))) throw new FsException(Errno.EACCES);
            Path c = real.resolve(name.toString());
            if (!Files.isDirectory(c, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(c, LinkOption.NOFOLLOW_LINKS)) {
                throw new FsException(Errno.ENOENT);
            }
            ControlNodes.Dynamic d = nodes.dir(child(dir, name));
            return fs.entryFor(d.id());
        }
        // parent mirrors a regular file: its entries are the neighbour links
        for (Row r : neighbours(req, dir)) {
            if (r.name().equals(name)) return linkEntry(dir, r, fs);
        }
        throw new FsException(Errno.ENOENT);
    }

    private EntryParam linkEntry(String dir, Row link, ControlFs fs) throws FsException {
        ControlNodes.Dynamic l = nodes.symlink(child(dir, link.name()), link.target());
        return fs.entryFor(l.id());
    }

    /**
     * The entry (one lookup reference) for a row that {@link #list} returned under {@code parent}. A neighbour link
     * is made from the row itself, so readdirplus does not repeat the neighbour search once per link.
     */
    EntryParam entry(Request req, long parent, Row row, ControlFs fs) throws FsException {
        if (row.target() != null) return linkEntry(pathOf(parent), row, fs);
        return lookup(req, parent, row.name(), fs);
    }

    /** The rows of a similar/ node for readdir. */
    List<Row> list(Request req, long ino) throws FsException {
        String dir = pathOf(ino);
        List<Row> out = new ArrayList<>();
        out.add(new Row(Name.of("."), ino, Attr.S_IFDIR));
        out.add(new Row(Name.of(".."), ino == ControlNodes.SIMILAR ? ControlNodes.DIR : ControlNodes.SIMILAR,
                Attr.S_IFDIR));
        Path real = backing(dir);
        if (Files.isDirectory(real, LinkOption.NOFOLLOW_LINKS)) {
            // the mirror lists what the caller could list directly, nothing more
            if (!AccessCheck.canList(backingRoot, dir, Caller.of(req))) throw new FsException(Errno.EACCES);
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(real)) {
                for (Path p : ds) {
                    String n = p.getFileName().toString();
                    if (dir.equals("/") && n.equals(".vexfs")) continue;
                    if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) || Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                        out.add(new Row(Name.of(n), -1L, Attr.S_IFDIR));
                    }
                }
            } catch (IOException e) {
                throw new FsException(Errno.of(e), e.getMessage());
            }
        } else {
            out.addAll(neighbours(req, dir));
        }
        return out;
    }

    /** The neighbour links of the file {@code path}, with relative targets. */
    private List<Row> neighbours(Request req, String path) throws FsException {
        if (!Files.isRegularFile(backing(path), LinkOption.NOFOLLOW_LINKS)) throw new FsException(Errno.ENOENT);
        List<SearchBackend.Hit> hits = backend.neighbours(path, k, Caller.of(req));
        // from /.vexfs/similar/<path>/ back up to the mount root: one ".." per component, plus similar and .vexfs
        int depth = path.split("/").length - 1 + 2;
        String up = "../".repeat(depth);
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < hits.size(); i++) {
            String target = hits.get(i).path();
            String base = target.substring(target.lastIndexOf('/') + 1);
            out.add(new Row(Name.of(String.format("%02d-%s", i + 1, base)), -1L, Attr.S_IFLNK,
                    up + target.substring(1)));
        }
        return out;
    }

    String target(long ino) throws FsException {
        ControlNodes.Dynamic d = nodes.get(ino);
        if (d == null || !d.symlink()) throw new FsException(Errno.EINVAL);
        return d.target();
    }

    void forget(long ino, long n) {
        nodes.forget(ino, n);
    }
}
