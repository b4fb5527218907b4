"""Client for a mounted VexFS: vectors as extended attributes, search through the /.vexfs control files.

Standard library only; numpy arrays are accepted wherever a vector is, and returned when asked (numpy=True).
Everything goes through the mount with ordinary system calls: os.setxattr/os.getxattr, and one descriptor of
/.vexfs/search per query (write the query, read the results: the file answers per descriptor).
"""

import os
import struct
from collections import namedtuple

__all__ = ["Mount", "Hit", "VexfsError"]

Hit = namedtuple("Hit", "rank distance path extra")
Hit.__doc__ = "One search result: 1-based rank, distance (lower is closer), path in the mount, extra fields."

VECTOR_F32 = "user.vexfs.vector.f32"


class VexfsError(OSError):
    """A refusal of the filesystem (EINVAL for a bad query, ...), with the errno and the file it concerns."""


class Mount:
    """A VexFS mount point."""

    def __init__(self, mountpoint):
        self.root = os.path.abspath(mountpoint)
        control = os.path.join(self.root, ".vexfs")
        if not os.path.isdir(control):
            raise VexfsError(2, "not a VexFS mount (no .vexfs directory)", self.root)
        self._control = control
        self.dim = int(os.getxattr(self.root, "user.vexfs.dim"))
        self.metric = os.getxattr(self.root, "user.vexfs.metric").decode()

    def path(self, name):
        """The absolute path of `name` (relative to the mount root, or absolute inside it)."""
        p = name if os.path.isabs(name) else os.path.join(self.root, name)
        return os.path.abspath(p)

    # ---- vectors ----

    def set_vector(self, name, vector):
        """Sets the vector of file `name` (a sequence of floats or a numpy array of dim values)."""
        values = _floats(vector)
        if len(values) != self.dim:
            raise ValueError("expected %d values, got %d" % (self.dim, len(values)))
        os.setxattr(self.path(name), VECTOR_F32, struct.pack("<%df" % len(values), *values))

    def get_vector(self, name, numpy=False):
        """The file's vector as a list of floats (a numpy float32 array with numpy=True), or None if it has none."""
        try:
            raw = os.getxattr(self.path(name), VECTOR_F32)
        except OSError as e:
            if e.errno in (61, 95):  # ENODATA, EOPNOTSUPP
                return None
            raise
        values = list(struct.unpack("<%df" % (len(raw) // 4), raw))
        if numpy:
            import numpy as np
            return np.asarray(values, dtype=np.float32)
        return values

    def remove_vector(self, name):
        os.removexattr(self.path(name), VECTOR_F32)

    # ---- search ----

    def search(self, vector=None, text=None, k=10, under=None, ef=None, name=None, newer=None, older=None):
        """The k nearest files to `vector`, or to `text` (embedded by the store's embedder), as Hits.

        Filters (all must hold, applied before ranking): `under` a directory of the mount, `name` a glob on the
        file name ("*.pdf"), `newer`/`older` a modification time: a datetime, epoch seconds (int or float), or a
        string the search file takes ("2026-01-31", "2026-01-31T12:00", "7d", "12h").
        """
        if (vector is None) == (text is None):
            raise ValueError("give exactly one of vector= and text=")
        if text is not None:
            if "\n" in text:
                text = " ".join(text.split())
            lines = ["text=" + text]
        else:
            values = _floats(vector)
            if len(values) != self.dim:
                raise ValueError("expected %d values, got %d" % (self.dim, len(values)))
            lines = [",".join(repr(v) for v in values)]
        lines.append("k=%d" % k)
        if ef is not None:
            lines.append("ef=%d" % ef)
        if under is not None:
            lines.append("under=" + under)
        if name is not None:
            lines.append("name=" + name)
        if newer is not None:
            lines.append("newer=" + _when(newer))
        if older is not None:
            lines.append("older=" + _when(older))
        return self._query(("\n".join(lines) + "\n").encode())

    def _query(self, query):
        fd = os.open(os.path.join(self._control, "search"), os.O_RDWR)
        try:
            try:
                os.write(fd, query)
            except OSError as e:
                raise VexfsError(e.errno, "query refused: " + os.strerror(e.errno), query.decode(errors="replace")[:80])
            chunks = []
            while True:
                b = os.read(fd, 1 << 16)
                chunks.append(b)
                if len(b) < 1 << 16:  # a short read is the end of the results: no read of 0 bytes needed
                    break
        finally:
            os.close(fd)
        hits = []
        for line in b"".join(chunks).decode(errors="surrogateescape").splitlines():
            f = line.split("\t")
            if len(f) >= 3:
                hits.append(Hit(int(f[0]), float(f[1]), f[2], f[3:]))
        return hits

    def similar(self, name, k=None):
        """The paths (in the mount) of the nearest other files of `name`, nearest first (similar/ of the mount)."""
        rel = os.path.relpath(self.path(name), self.root)
        d = os.path.join(self._control, "similar", rel)
        links = sorted(os.listdir(d))
        out = [os.path.normpath(os.path.join(d, os.readlink(os.path.join(d, l)))) for l in links]
        return out[:k] if k is not None else out

    # ---- state ----

    def stats(self):
        """/.vexfs/stats as a dict of strings."""
        out = {}
        with open(os.path.join(self._control, "stats")) as f:
            for line in f:
                parts = line.rstrip("\n").split(None, 1)
                if parts:
                    out[parts[0]] = parts[1] if len(parts) > 1 else ""
        return out

    def sync(self):
        """Waits until the embed queue is empty and the store and graph are synced (root only)."""
        with open(os.path.join(self._control, "control"), "w") as f:
            f.write("sync\n")
        with open(os.path.join(self._control, "control")) as f:
            status = f.read().strip()
        if "failed" in status:
            raise VexfsError(5, status, self._control)
        return status


def _floats(vector):
    if hasattr(vector, "tolist"):
        vector = vector.tolist()
    return [float(v) for v in vector]


def _when(t):
    """A time for newer=/older=: a datetime (naive means UTC), epoch seconds, or the search file's own syntax."""
    if isinstance(t, (int, float)):
        return "@%d" % int(t)
    if hasattr(t, "timestamp"):
        if getattr(t, "tzinfo", None) is None:
            import datetime
            t = t.replace(tzinfo=datetime.timezone.utc)
        return "@%d" % int(t.timestamp())
    return str(t)
