package vexfs.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vexfs.base.Metric;

class GraphInspectorTest {
    @TempDir
    Path dir;

    @Test
    void reportsEntryPointLevelsDegreesAndNodes() throws Exception {
        int dim = 16;
        float[] data = TestData.clustered(2000, dim, 4);
        ArrayVectorSource vs = new ArrayVectorSource(data, dim, Metric.L2);
        try (HnswIndex idx = TestData.build(dir.resolve("g.vxg"), vs, HnswParams.defaults(dim).withEfConstruction(40), 2000)) {
            idx.delete(3);
            GraphInspector.Stats s = GraphInspector.stats(idx);
            assertEquals(1999, s.live());
            assertEquals(1, s.tombstones());
            assertEquals(2000, s.nodes());
            assertEquals(2000, java.util.Arrays.stream(s.levelHistogram()).sum());
            assertTrue(s.degreeMax()[0] <= 32 && s.degreeMin()[0] >= 1 && s.degreeMean()[0] > 4, "level-0 degrees " + s.degreeMean()[0]);
            assertTrue(s.maxLevel() >= 1, "2000 nodes with M=16 have upper levels");
            String text = GraphInspector.text(idx);
            assertTrue(text.contains("entry point: " + s.entryPoint()), text);
            assertTrue(text.contains("tombstones: 1"), text);
            String json = GraphInspector.json(idx);
            assertTrue(json.startsWith("{\"entry_point\":" + s.entryPoint()) && json.endsWith("]}"), json);
            assertTrue(json.contains("\"levels\":[{\"level\":0,"), json);
            String node = GraphInspector.dumpNode(idx, 3, null, true);
            assertTrue(node.startsWith("{\"node\":3,\"path\":null,\"state\":\"deleted\""), node);
            String nodeText = GraphInspector.dumpNode(idx, 0, null, false);
            assertTrue(nodeText.contains("level 0 ("), nodeText);
            assertTrue(GraphInspector.dumpNode(idx, -1, null, false).contains("out of range"));
        }
    }
}
