package vexfs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Python client (python/vexfs_client), installed with pip from the repository and run against a real mount:
 * set/get vectors, search by vector and by text, similar, stats, sync. The store embeds with a 3-d co-process
 * (letters, digits, 1) so that the test needs no model and its answers are known.
 */
@Tag("mount")
class PythonClientIT {
    @TempDir
    Path tmp;

    @Test
    void theClientDoesWhatItSaysThroughAMount() throws Exception {
        Path embed = tmp.resolve("embed.py");
        Files.writeString(embed, """
                import json, sys
                for line in sys.stdin:
                    t = json.loads(line).get("text", "")
                    print(json.dumps({"vector": [sum(c.isalpha() for c in t), sum(c.isdigit() for c in t), 1]}), flush=True)
                """);
        Path site = tmp.resolve("site");
        Path repo = Path.of("").toAbsolutePath();
        // Debian's python3 has pip, setuptools and wheel: an offline install of the package as a user would do it
        MountFixture.Result pip = MountFixture.run(List.of("/usr/bin/python3", "-m", "pip", "install", "-q",
                "--no-build-isolation", "--no-deps", "--target", site.toString(), repo.resolve("python").toString()));
        assertEquals(0, pip.exit(), pip.output());
        MountFixture.sh("rm -rf '" + repo.resolve("python/build") + "' '" + repo.resolve("python") + "'/*.egg-info");
        try (MountFixture m = new MountFixture(tmp)) {
            MountFixture.Result mk = MountFixture.cli("mkfs", "--dim", "3", "--metric", "l2", "--embed-cmd",
                    "python3 " + embed, m.backing.toString());
            assertEquals(0, mk.exit(), mk.output());
            m.mount();
            Path test = tmp.resolve("client_test.py");
            Files.writeString(test, """
                    import os, sys
                    from vexfs_client import Mount, VexfsError
                    mnt = sys.argv[1]
                    m = Mount(mnt)
                    assert (m.dim, m.metric) == (3, "l2"), (m.dim, m.metric)
                    os.makedirs(os.path.join(mnt, "d"))
                    for name, text in [("d/aaa.txt", "aaa"), ("d/a1.txt", "a1"), ("b.txt", "bbbbbbbbbb")]:
                        with open(os.path.join(mnt, name), "w") as f:
                            f.write(text)
                    with open(os.path.join(mnt, "manual"), "w") as f:
                        f.write("x")
                    m.set_vector("manual", [100, 0, 1])
                    assert "sync done" in m.sync()
                    assert m.get_vector("d/aaa.txt") == [3.0, 0.0, 1.0], m.get_vector("d/aaa.txt")
                    assert m.get_vector("manual") == [100.0, 0.0, 1.0]
                    assert m.get_vector("nonexistent-vector-file" if False else "d") is None
                    hits = m.search(vector=[3, 0, 1], k=2)
                    assert [h.path for h in hits] == ["/d/aaa.txt", "/d/a1.txt"], hits
                    assert hits[0].rank == 1 and hits[0].distance == 0.0
                    hits = m.search(text="bbbbbbbbbx", k=1)
                    assert [h.path for h in hits] == ["/b.txt"], hits
                    assert [h.path for h in m.search(vector=[3, 0, 1], k=5, under="/d")] == ["/d/aaa.txt", "/d/a1.txt"]
                    os.utime(os.path.join(mnt, "d/a1.txt"), (1700000000, 1700000000))
                    import datetime
                    assert [h.path for h in m.search(vector=[3, 0, 1], k=5, name="a*.txt")] == ["/d/aaa.txt", "/d/a1.txt"]
                    assert [h.path for h in m.search(vector=[3, 0, 1], k=5, older=1700000001)] == ["/d/a1.txt"]
                    newer = datetime.datetime(2024, 1, 1)
                    assert "/d/a1.txt" not in [h.path for h in m.search(vector=[3, 0, 1], k=5, newer=newer)]
                    assert [h.path for h in m.search(vector=[3, 0, 1], k=5, newer="1d", name="*.txt", under="/d")] == ["/d/aaa.txt"]
                    sim = m.similar("d/aaa.txt", k=1)
                    assert sim == [os.path.join(mnt, "d/a1.txt")], sim
                    st = m.stats()
                    assert st["vectors"] == "4" and st["embed_files_embedded"] == "3", st
                    try:
                        m.search(vector=[1, 2], k=1)
                        raise AssertionError("a 2-d query was accepted")
                    except ValueError:
                        pass
                    try:
                        m._query(b"1,2\\n")
                        raise AssertionError("a bad query was accepted")
                    except VexfsError as e:
                        assert e.errno == 22, e
                    try:
                        import numpy as np
                        m.set_vector("manual", np.array([7, 7, 1], dtype=np.float32))
                        assert list(m.get_vector("manual", numpy=True)) == [7, 7, 1]
                    except ImportError:
                        pass
                    print("client ok")
                    """);
            MountFixture.Result r = MountFixture.run(List.of("env", "PYTHONPATH=" + site, "python3", test.toString(),
                    m.mnt.toString()));
            assertEquals(0, r.exit(), r.output() + "\n" + m.log());
            assertTrue(r.output().contains("client ok"), r.output());
        }
    }
}
