package vexfs.embed;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The class loader of the embedding libraries (ONNX Runtime with the model, Apache Tika): they are not on the class
 * path the daemon starts with, so a store without an embedder never opens their ~90 jars. Found in
 * {@code -Dvexfs.embed.lib=DIR}, else {@code lib-embed/} beside the jar holding this class ({@code target/}); where
 * the class path already has them (the test class path), that is used.
 */
final class EmbedLibraries {
    private static ClassLoader loader;

    private EmbedLibraries() {}

    /** Loads {@code className} from the embedding libraries (the class path first, then lib-embed). */
    static synchronized Class<?> load(String className) throws EmbedException {
        ClassLoader l = loader();
        // static initialisers (the model's reads its ONNX file and tokenizer as resources) look at the context loader
        Thread t = Thread.currentThread();
        ClassLoader previous = t.getContextClassLoader();
        t.setContextClassLoader(l);
        try {
            return Class.forName(className, true, l);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new EmbedException("cannot load " + className + " from the embedding libraries (" + where()
                    + "): " + MiniLmEmbedder.rootCause(e), e);
        } finally {
            t.setContextClassLoader(previous);
        }
    }

    static synchronized ClassLoader loader() throws EmbedException {
        if (loader != null) return loader;
        // DJL's tokenizer probes for CUDA and warns twice that there is none: noise in every log, whatever the machine
        if (System.getProperty("org.slf4j.simpleLogger.log.ai.djl.util.cuda") == null) {
            System.setProperty("org.slf4j.simpleLogger.log.ai.djl.util.cuda", "error");
        }
        ClassLoader parent = EmbedLibraries.class.getClassLoader();
        try {
            Class.forName("ai.onnxruntime.OrtEnvironment", false, parent);
            return loader = parent; // already on the class path (tests)
        } catch (ClassNotFoundException notThere) {
            // the usual case: the launcher's class path does not have them
        }
        Path dir = dir();
        List<URL> urls = new ArrayList<>();
        try (Stream<Path> jars = Files.list(dir)) {
            for (Path j : (Iterable<Path>) jars.filter(p -> p.toString().endsWith(".jar")).sorted()::iterator) {
                urls.add(j.toUri().toURL());
            }
        } catch (IOException e) {
            throw new EmbedException("the embedding libraries are missing: cannot read " + dir + " (" + e.getMessage()
                    + "; build with mvn package, or set -Dvexfs.embed.lib)", e);
        }
        if (urls.isEmpty()) throw new EmbedException("the embedding libraries are missing: no jars in " + dir);
        return loader = new URLClassLoader("vexfs-embed", urls.toArray(URL[]::new), parent);
    }

    private static String where() {
        try {
            return dir().toString();
        } catch (EmbedException e) {
            return e.getMessage();
        }
    }

    static Path dir() throws EmbedException {
        String set = System.getProperty("vexfs.embed.lib");
        if (set != null && !set.isEmpty()) return Path.of(set);
        try {
            URL self = EmbedLibraries.class.getProtectionDomain().getCodeSource().getLocation();
            Path p = Path.of(self.toURI());
            // target/vexfs.jar -> target/lib-embed; target/classes -> target/lib-embed
            return p.toAbsolutePath().getParent().resolve("lib-embed");
        } catch (URISyntaxException | RuntimeException e) {
            throw new EmbedException("cannot tell where the embedding libraries are: " + e);
        }
    }
}
