package vexfs.embed;

import vexfs.base.EmbedderSpec;

/** The embedder of a store's {@link EmbedderSpec}; nothing is loaded or started until the first embedding. */
public final class Embedders {
    private Embedders() {}

    /** The embedder for {@code spec} giving {@code dim}-d vectors, or null for a store without one. */
    public static Embedder open(EmbedderSpec spec, int dim) {
        return switch (spec.kind()) {
            case NONE -> null;
            case MINILM -> new MiniLmEmbedder();
            case COMMAND -> new CommandEmbedder(spec.command(), dim);
        };
    }
}
