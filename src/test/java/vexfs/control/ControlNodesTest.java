package vexfs.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

import vexfs.volume.MountPath;

class ControlNodesTest {
    private static MountPath p(String s) {
        try {
            return MountPath.normalise(s);
        } catch (vexfs.libc.FsException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aLinkTargetLeadsBackToTheMountRootThenToTheFile() {
        ControlNodes nodes = new ControlNodes();
        ControlNodes.Dynamic l = nodes.symlink(p("/d/a3/01-x"), p("/e/x"));
        // the link lives in /.vexfs/similar/d/a3/: up through a3, d, similar, .vexfs
        assertEquals("../../../../e/x", new String(l.target(), java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(p("/d/a3"), l.path().parent());
    }
    @Test
    void listingTheSameNeighboursAgainReusesTheirNodes() {
        ControlNodes nodes = new ControlNodes();
        for (int listing = 0; listing < 1000; listing++) {
            nodes.dir(p("/d/a3"));
            nodes.symlink(p("/d/a3/01-a2"), p("/d/a2"));
            nodes.symlink(p("/d/a3/02-a4"), p("/d/a4"));
        }
        assertEquals(3, nodes.size(), "1000 listings of one similar/ directory hold three nodes, not 3000");
    }

    @Test
    void aChangedNeighbourIsANewNodeAndForgetDropsEachAtItsLastReference() {
        ControlNodes nodes = new ControlNodes();
        ControlNodes.Dynamic a = nodes.symlink(p("/d/a3/01-x"), p("/d/a2"));
        nodes.symlink(p("/d/a3/01-x"), p("/d/a2"));
        ControlNodes.Dynamic b = nodes.symlink(p("/d/a3/01-x"), p("/d/a9"));
        assertNotEquals(a.id(), b.id());
        nodes.forget(a.id(), 1);
        assertEquals(a, nodes.get(a.id()), "one lookup reference left");
        nodes.forget(a.id(), 1);
        assertNull(nodes.get(a.id()));
        assertEquals(b, nodes.get(b.id()));
        ControlNodes.Dynamic again = nodes.symlink(p("/d/a3/01-x"), p("/d/a2"));
        assertNotEquals(a.id(), again.id(), "a forgotten node id is never handed out again");
        nodes.forget(b.id(), 1);
        nodes.forget(again.id(), 1);
        assertEquals(0, nodes.size());
    }
}
