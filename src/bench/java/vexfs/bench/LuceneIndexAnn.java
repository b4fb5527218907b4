package vexfs.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.SerialMergeScheduler;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.AcceptDocs;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.MMapDirectory;

/**
 * Lucene's HNSW as an application gets it: an IndexWriter with KnnFloatVectorField (EUCLIDEAN) and
 * Lucene99HnswVectorsFormat(M, beamWidth, 1 merge worker, no executor), all documents buffered into one
 * segment (huge RAM buffer, no merges), so the graph is built once, incrementally, on the indexing
 * thread. Search goes straight to the segment's LeafReader.searchNearestVectors with k = ef (Lucene's
 * beam width is k), keeping the best {@code k} — no IndexSearcher/Query overhead. Vectors and graph are
 * read from an MMapDirectory, off heap, like VexFS. Doc id == base row because there is one segment.
 */
final class LuceneIndexAnn implements AnnMeasure.Search, AutoCloseable {
    private static final String FIELD = "v";
    private static final String SEL = "sel";

    private final Path dir;
    private final MMapDirectory directory;
    private final DirectoryReader reader;
    private final LeafReader leaf;
    private final IndexSearcher searcher;
    final double buildSeconds;
    final double buildCpuSeconds;
    final long bytes;

    LuceneIndexAnn(Vecs base, int m, int efc, Path workDir) throws IOException {
        this(base, m, efc, workDir, null);
    }

    /**
     * With {@code filters} (percentages), every document also gets a term {@code sel:P} for each P it passes
     * ({@link FilteredAnn#passes}), so a filtered query is Lucene's own: a KnnFloatVectorQuery with a TermQuery filter.
     */
    LuceneIndexAnn(Vecs base, int m, int efc, Path workDir, int[] filters) throws IOException {
        dir = Files.createTempDirectory(workDir, "lucene-index-");
        directory = new MMapDirectory(dir);
        KnnVectorsFormat format = new Lucene99HnswVectorsFormat(m, efc, 1, null);
        IndexWriterConfig cfg = new IndexWriterConfig()
                .setCodec(new Lucene104Codec() {
                    @Override
                    public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                        return format;
                    }
                })
                .setUseCompoundFile(false)
                .setMergePolicy(NoMergePolicy.INSTANCE)
                .setMergeScheduler(new SerialMergeScheduler())
                .setMaxBufferedDocs(IndexWriterConfig.DISABLE_AUTO_FLUSH)
                .setRAMPerThreadHardLimitMB(2047)
                .setRAMBufferSizeMB(2047);
        long t0 = System.nanoTime();
        long c0 = AnnMeasure.cpuNanos();
        try (IndexWriter w = new IndexWriter(directory, cfg)) {
            int step = Math.max(1, base.rows() / 10);
            for (int i = 0; i < base.rows(); i++) {
                Document doc = new Document();
                doc.add(new KnnFloatVectorField(FIELD, base.floatRow(i), VectorSimilarityFunction.EUCLIDEAN));
                if (filters != null) {
                    for (int p : filters) {
                        if (FilteredAnn.passes(i, p)) doc.add(new StringField(SEL, Integer.toString(p), Field.Store.NO));
                    }
                }
                w.addDocument(doc);
                if ((i + 1) % step == 0) {
                    System.err.printf("[lucene] indexed %d/%d (%.1fs)%n", i + 1, base.rows(), (System.nanoTime() - t0) / 1e9);
                }
            }
            w.commit();
            int segments;
            try (DirectoryReader r = DirectoryReader.open(w)) {
                segments = r.leaves().size();
            }
            if (segments != 1) {
                // Should not happen with the buffer above; merging rebuilds the graph and is counted as build time.
                System.err.println("[lucene] " + segments + " segments after commit; force-merging to 1");
                w.getConfig().setMergePolicy(new org.apache.lucene.index.TieredMergePolicy());
                w.forceMerge(1);
                w.commit();
            }
        }
        buildSeconds = (System.nanoTime() - t0) / 1e9;
        buildCpuSeconds = (AnnMeasure.cpuNanos() - c0) / 1e9;
        bytes = BenchFiles.treeBytes(dir);
        reader = DirectoryReader.open(directory);
        if (reader.leaves().size() != 1) {
            throw new IllegalStateException("expected one segment, got " + reader.leaves().size());
        }
        leaf = reader.leaves().get(0).reader();
        searcher = new IndexSearcher(reader);
        searcher.setQueryCache(null); // each query pays for its filter, as a fresh filter would
    }

    @Override
    public int[] topK(float[] query, int ef, int k) throws IOException {
        TopDocs td = leaf.searchNearestVectors(FIELD, query, Math.max(ef, k),
                AcceptDocs.fromLiveDocs(null, leaf.maxDoc()), Integer.MAX_VALUE);
        ScoreDoc[] sd = td.scoreDocs; // best first
        int[] out = new int[Math.min(k, sd.length)];
        for (int i = 0; i < out.length; i++) {
            out[i] = sd[i].doc;
        }
        return out;
    }

    /**
     * Lucene's filtered kNN as an application writes it: IndexSearcher + KnnFloatVectorQuery(k = ef) with the filter
     * {@code sel:P} (Lucene turns it into a bitset per query and falls back to an exact search when the graph walk
     * would visit more than the filter's cost), keeping the best {@code k}.
     */
    int[] topKFiltered(float[] query, int ef, int k, int percent) throws IOException {
        TopDocs td = searcher.search(new KnnFloatVectorQuery(FIELD, query, Math.max(ef, k),
                new TermQuery(new Term(SEL, Integer.toString(percent)))), Math.max(ef, k));
        ScoreDoc[] sd = td.scoreDocs;
        int[] out = new int[Math.min(k, sd.length)];
        for (int i = 0; i < out.length; i++) out[i] = sd[i].doc;
        return out;
    }

    @Override
    public void close() throws IOException {
        reader.close();
        directory.close();
        BenchFiles.deleteTree(dir);
    }
}
