package vexfs.cli;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Used by scripts/demo (hidden from the command list): writes Fashion-MNIST images as PGM files named by class
 * into TARGET — normally a mounted VexFS — and attaches each image's pixels as its vector with setxattr
 * ({@code user.vexfs.vector.f32}) through that path. So the vectors go in through the mount, as a user would.
 */
@Command(name = "fashion-mnist", hidden = true, mixinStandardHelpOptions = true,
        description = {"Write Fashion-MNIST images into TARGET as images/<class>/<n>.pgm (training set) and "
                + "queries/<class>/<n>.pgm (test set), each with its 784 pixels attached as user.vexfs.vector.f32.",
                "Used by scripts/demo; TARGET is normally a mounted VexFS with a 784-dimensional store."})
final class FashionMnistCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "TARGET")
    Path target;

    @Option(names = "--dataset", paramLabel = "DIR", description = "idx files (default: ${DEFAULT-VALUE})",
            defaultValue = "/usr/share/datasets/fashion-mnist")
    Path dataset;

    @Option(names = "--train", defaultValue = "2000", description = "images from the training set (default ${DEFAULT-VALUE})")
    int train;

    @Option(names = "--test", defaultValue = "50", description = "query images from the test set (default ${DEFAULT-VALUE})")
    int test;

    @Option(names = "--generated-if-missing", description = "use a generated stand-in when the data set is not installed")
    boolean generatedIfMissing;

    @Option(names = "--threads", defaultValue = "4", description = "concurrent writers (default ${DEFAULT-VALUE})")
    int threads;

    @Override
    public Integer call() throws Exception {
        FashionMnistData base;
        FashionMnistData queries;
        if (FashionMnistData.available(dataset)) {
            // limit 0 would mean "all" to load(): ask for at least one, keep none if 0 was asked
            base = FashionMnistData.load(dataset, false, Math.max(1, train));
            queries = FashionMnistData.load(dataset, true, Math.max(1, test));
        } else if (generatedIfMissing) {
            System.err.println("fashion-mnist: " + dataset + " is not installed (Debian package dataset-fashion-mnist): "
                    + "using GENERATED images (random class prototypes plus noise), not Fashion-MNIST");
            base = FashionMnistData.generated(Math.max(1, train), 1);
            queries = FashionMnistData.generated(Math.max(1, test), 2);
        } else {
            System.err.println("fashion-mnist: " + dataset + " has no Fashion-MNIST idx files (apt-get install dataset-fashion-mnist)");
            return 3;
        }
        if (train < 0 || test < 0) {
            System.err.println("fashion-mnist: --train and --test must be >= 0");
            return 2;
        }
        long t0 = System.nanoTime();
        int nb = Math.min(train, base.count());
        int nq = Math.min(test, queries.count());
        if (nb > 0) write(base, nb, target.resolve("images"));
        if (nq > 0) write(queries, nq, target.resolve("queries"));
        double s = (System.nanoTime() - t0) / 1e9;
        int n = nb + nq;
        System.out.printf(java.util.Locale.ROOT, "wrote %d images with vectors (%d under images/, %d under queries/)%s in %.1f s (%.0f files/s)%n",
                n, nb, nq, base.generated() ? " [GENERATED, not Fashion-MNIST]" : "", s, n / s);
        return 0;
    }

    private void write(FashionMnistData d, int count, Path dir) throws Exception {
        for (String c : FashionMnistData.CLASSES) Files.createDirectories(dir.resolve(c));
        AtomicReference<Exception> failure = new AtomicReference<>();
        List<Thread> workers = new ArrayList<>();
        int t = Math.max(1, threads);
        for (int w = 0; w < t; w++) {
            int first = w;
            workers.add(Thread.ofPlatform().start(() -> {
                ByteBuffer buf = ByteBuffer.allocate(FashionMnistData.DIM * 4).order(ByteOrder.LITTLE_ENDIAN);
                for (int i = first; i < count && failure.get() == null; i += t) {
                    try {
                        Path f = dir.resolve(FashionMnistData.CLASSES[d.label(i)]).resolve(String.format(java.util.Locale.ROOT, "%05d.pgm", i));
                        Files.write(f, d.pgm(i));
                        buf.clear();
                        for (float x : d.vector(i)) buf.putFloat(x);
                        buf.flip();
                        Files.getFileAttributeView(f, UserDefinedFileAttributeView.class).write("vexfs.vector.f32", buf);
                    } catch (Exception e) {
                        failure.compareAndSet(null, e);
                    }
                }
            }));
        }
        for (Thread w : workers) w.join();
        if (failure.get() != null) throw failure.get();
    }
}
