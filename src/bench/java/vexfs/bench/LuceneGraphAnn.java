package vexfs.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.codecs.hnsw.FlatVectorScorerUtil;
import org.apache.lucene.codecs.hnsw.FlatVectorsScorer;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.KnnCollector;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.hnsw.HnswGraphBuilder;
import org.apache.lucene.util.hnsw.HnswGraphSearcher;
import org.apache.lucene.util.hnsw.OnHeapHnswGraph;
import org.apache.lucene.util.hnsw.RandomVectorScorerSupplier;

/**
 * Lucene's HNSW algorithm alone: HnswGraphBuilder over on-heap float[] vectors with the Lucene99 flat
 * scorer (Panama-vectorised when jdk.incubator.vector is present), searched with
 * HnswGraphSearcher.search(scorer, topK = ef, graph, no filter). No codec, no files: it isolates graph
 * quality and traversal speed from Lucene's storage layer. bytes = OnHeapHnswGraph.ramBytesUsed()
 * (graph only) + 4·n·dim (vectors).
 */
final class LuceneGraphAnn implements AnnMeasure.Search {
    private final FlatVectorsScorer flat = FlatVectorScorerUtil.getLucene99FlatVectorsScorer();
    private final FloatVectorValues values;
    private final OnHeapHnswGraph graph;
    final double buildSeconds;
    final double buildCpuSeconds;
    final long bytes;

    LuceneGraphAnn(Vecs base, int m, int efc, long seed) throws IOException {
        List<float[]> rows = new ArrayList<>(base.rows());
        for (int i = 0; i < base.rows(); i++) {
            rows.add(base.floatRow(i));
        }
        values = FloatVectorValues.fromFloats(rows, base.dim());
        long t0 = System.nanoTime();
        long c0 = AnnMeasure.cpuNanos();
        RandomVectorScorerSupplier supplier = flat.getRandomVectorScorerSupplier(VectorSimilarityFunction.EUCLIDEAN, values);
        HnswGraphBuilder builder = HnswGraphBuilder.create(supplier, m, efc, seed);
        int step = Math.max(1, base.rows() / 10);
        for (int i = 0; i < base.rows(); i++) {
            builder.addGraphNode(i);
            if ((i + 1) % step == 0) {
                System.err.printf("[lucene-graph] built %d/%d (%.1fs)%n", i + 1, base.rows(), (System.nanoTime() - t0) / 1e9);
            }
        }
        graph = builder.getCompletedGraph();
        buildSeconds = (System.nanoTime() - t0) / 1e9;
        buildCpuSeconds = (AnnMeasure.cpuNanos() - c0) / 1e9;
        bytes = graph.ramBytesUsed() + 4L * base.rows() * base.dim();
    }

    @Override
    public int[] topK(float[] query, int ef, int k) throws IOException {
        KnnCollector c = HnswGraphSearcher.search(
                flat.getRandomVectorScorer(VectorSimilarityFunction.EUCLIDEAN, values, query),
                Math.max(ef, k), graph, null, Integer.MAX_VALUE);
        ScoreDoc[] sd = c.topDocs().scoreDocs; // best first; doc == ordinal == base row
        int[] out = new int[Math.min(k, sd.length)];
        for (int i = 0; i < out.length; i++) {
            out[i] = sd[i].doc;
        }
        return out;
    }
}
