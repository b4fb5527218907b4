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
            Path c = real.resolve(name.toString());
            if (!Files.isDirectory(c, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(c, LinkOption.NOFOLLOW_LINKS)) {
                throw new FsException(Errno.ENOENT);
            }
            ControlNodes.Dynamic d = nodes.dir(child(dir, name));
            return fs.entryFor(d.id());
        }
        // parent mirrors a regular file: its entries are the neighbour links
        for (Object[] e : neighbours(req, dir)) {
            if (e[0].equals(name)) {
                ControlNodes.Dynamic l = nodes.symlink(child(dir, name), (String) e[3]);
                return fs.entryFor(l.id());
            }
        }
        throw new FsException(Errno.ENOENT);
    }

    /** {name, ino (-1: look up), mode, target} rows for readdir of a similar/ node. */
    List<Object[]> list(Request req, long ino) throws FsException {
        String dir = pathOf(ino);
        List<Object[]> out = new ArrayList<>();
        out.add(new Object[] {Name.of("."), ino, Attr.S_IFDIR});
        out.add(new Object[] {Name.of(".."), ino == ControlNodes.SIMILAR ? ControlNodes.DIR : ControlNodes.SIMILAR,
                Attr.S_IFDIR});
        Path real = backing(dir);
        if (Files.isDirectory(real, LinkOption.NOFOLLOW_LINKS)) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(real)) {
                for (Path p : ds) {
                    String n = p.getFileName().toString();
                    if (dir.equals("/") && n.equals(".vexfs")) continue;
                    if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) || Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                        out.add(new Object[] {Name.of(n), -1L, Attr.S_IFDIR});
                    }
                }
            } catch (IOException e) {
                throw new FsException(Errno.of(e), e.getMessage());
            }
        } else {
            for (Object[] e : neighbours(req, dir)) out.add(new Object[] {e[0], -1L, Attr.S_IFLNK, e[3]});
        }
        return out;
    }

    /** The neighbour links of the file {@code path}: {name, -1, S_IFLNK, relative target}. */
    private List<Object[]> neighbours(Request req, String path) throws FsException {
        if (!Files.isRegularFile(backing(path), LinkOption.NOFOLLOW_LINKS)) throw new FsException(Errno.ENOENT);
        List<SearchBackend.Hit> hits = backend.neighbours(path, k, req.uid(), req.gid());
        // from /.vexfs/similar/<path>/ back up to the mount root: one ".." per component, plus similar and .vexfs
        int depth = path.split("/").length - 1 + 2;
        String up = "../".repeat(depth);
        List<Object[]> out = new ArrayList<>();
        for (int i = 0; i < hits.size(); i++) {
            String target = hits.get(i).path();
            String base = target.substring(target.lastIndexOf('/') + 1);
            out.add(new Object[] {Name.of(String.format("%02d-%s", i + 1, base)), -1L, Attr.S_IFLNK,
                    up + target.substring(1)});
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
