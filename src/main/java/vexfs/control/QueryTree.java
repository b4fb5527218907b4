package vexfs.control;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vexfs.fuse.EntryParam;
import vexfs.fuse.Request;
import vexfs.libc.Attr;
import vexfs.libc.Errno;
import vexfs.libc.FsException;
import vexfs.libc.Name;
import vexfs.volume.MountPath;

/**
 * /.vexfs/query/ (volumes with an embedder): any name below it is a text query, and that directory lists the k
 * nearest files as symlinks {@code 01-<name>}, ... like similar/ does, so {@code ls -l "/mnt/.vexfs/query/red leather
 * boots/"} shows the hits. Its nodes live in {@link ControlNodes} under the path {@code .vexfs/query/<text>} (a path
 * similar/ never uses: it does not mirror /.vexfs), so attributes, readlink, forget and eviction are similar/'s. The
 * query's vector is cached per text (embedding is the expensive part); the search runs per listing and per caller,
 * so each caller sees only files it could read.
 */
final class QueryTree {
    static final MountPath ROOT = MountPath.ofRelative(".vexfs/query".getBytes(StandardCharsets.US_ASCII));
    private static final int CACHED_QUERIES = 64;

    private final ControlNodes nodes;
    private final SearchBackend backend;
    private final int k;
    private final Map<String, float[]> vectors = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> e) {
            return size() > CACHED_QUERIES;
        }
    };

    QueryTree(ControlNodes nodes, SearchBackend backend, int k) {
        this.nodes = nodes;
        this.backend = backend;
        this.k = k;
    }

    /** True if {@code ino} is a query directory. */
    boolean owns(long ino) {
        ControlNodes.Dynamic d = nodes.get(ino);
        return d != null && !d.symlink() && d.path().parent().equals(ROOT);
    }

    EntryParam lookup(Request req, long parent, Name name, ControlFs fs) throws FsException {
        if (parent == ControlNodes.QUERY) {
            if (name.isDotOrDotDot() || name.length() == 0) throw new FsException(Errno.ENOENT);
            return fs.entryFor(nodes.dir(ROOT.child(name)).id());
        }
        ControlNodes.Dynamic dir = queryDir(parent);
        for (SimilarTree.Row r : hits(req, dir)) {
            if (r.name().equals(name)) return fs.entryFor(nodes.symlink(dir.path().child(r.name()), r.linked()).id());
        }
        throw new FsException(Errno.ENOENT);
    }

    List<SimilarTree.Row> list(Request req, long ino) throws FsException {
        List<SimilarTree.Row> out = new ArrayList<>();
        out.add(new SimilarTree.Row(Name.of("."), ino, Attr.S_IFDIR));
        out.add(new SimilarTree.Row(Name.of(".."), ino == ControlNodes.QUERY ? ControlNodes.DIR : ControlNodes.QUERY,
                Attr.S_IFDIR));
        if (ino != ControlNodes.QUERY) out.addAll(hits(req, queryDir(ino)));
        return out;
    }

    private ControlNodes.Dynamic queryDir(long ino) throws FsException {
        ControlNodes.Dynamic d = nodes.get(ino);
        if (d == null || d.symlink() || !d.path().parent().equals(ROOT)) throw new FsException(Errno.ENOENT);
        return d;
    }

    /** The hits of the query directory {@code dir} for this caller, as neighbour-link rows. */
    private List<SimilarTree.Row> hits(Request req, ControlNodes.Dynamic dir) throws FsException {
        String text = new String(dir.path().lastName().toBytes(), StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) throw new FsException(Errno.ENOENT);
        float[] v;
        synchronized (vectors) {
            v = vectors.get(text);
        }
        if (v == null) {
            v = backend.embedQuery(text);
            synchronized (vectors) {
                vectors.put(text, v);
            }
        }
        List<SearchBackend.Hit> hits = backend.search(v, k, QueryParser.VOLUME_EF, SearchFilter.NONE, Caller.of(req));
        List<SimilarTree.Row> out = new ArrayList<>(hits.size());
        for (int i = 0; i < hits.size(); i++) {
            MountPath file = hits.get(i).path();
            out.add(new SimilarTree.Row(SimilarTree.linkName(i + 1, file.lastName()), -1L, Attr.S_IFLNK, file));
        }
        return out;
    }
}
