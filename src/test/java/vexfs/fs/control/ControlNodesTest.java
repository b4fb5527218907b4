package vexfs.fs.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ControlNodesTest {
    @Test
    void listingTheSameNeighboursAgainReusesTheirNodes() {
        ControlNodes nodes = new ControlNodes();
        for (int listing = 0; listing < 1000; listing++) {
            nodes.dir("/d/a3");
            nodes.symlink("/d/a3/01-a2", "../../d/a2");
            nodes.symlink("/d/a3/02-a4", "../../d/a4");
        }
        assertEquals(3, nodes.size(), "1000 listings of one similar/ directory hold three nodes, not 3000");
    }

    @Test
    void aChangedNeighbourIsANewNodeAndForgetDropsEachAtItsLastReference() {
        ControlNodes nodes = new ControlNodes();
        ControlNodes.Dynamic a = nodes.symlink("/d/a3/01-x", "../../d/a2");
        nodes.symlink("/d/a3/01-x", "../../d/a2");
        ControlNodes.Dynamic b = nodes.symlink("/d/a3/01-x", "../../d/a9");
        assertNotEquals(a.id(), b.id());
        nodes.forget(a.id(), 1);
        assertEquals(a, nodes.get(a.id()), "one lookup reference left");
        nodes.forget(a.id(), 1);
        assertNull(nodes.get(a.id()));
        assertEquals(b, nodes.get(b.id()));
        ControlNodes.Dynamic again = nodes.symlink("/d/a3/01-x", "../../d/a2");
        assertNotEquals(a.id(), again.id(), "a forgotten node id is never handed out again");
        nodes.forget(b.id(), 1);
        nodes.forget(again.id(), 1);
        assertEquals(0, nodes.size());
    }
}
