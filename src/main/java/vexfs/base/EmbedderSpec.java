package vexfs.base;

import java.nio.charset.StandardCharsets;

/**
 * Which embedder a store has (chosen by {@code vexfs mkfs --embed / --embed-cmd}, kept in the store header):
 * none, the built-in all-MiniLM-L6-v2, or a command run as a co-process. See docs/embeddings.md.
 */
public record EmbedderSpec(Kind kind, String command) {
    /** The longest command the header keeps (bytes of UTF-8). */
    public static final int MAX_COMMAND_BYTES = 1024;

    public static final EmbedderSpec NONE = new EmbedderSpec(Kind.NONE, "");
    public static final EmbedderSpec MINILM = new EmbedderSpec(Kind.MINILM, "");

    /** The kinds, with their header codes and the dimension and metric a built-in model fixes (0 / null: any). */
    public enum Kind {
        NONE(0, 0, null), MINILM(1, 384, Metric.COSINE), COMMAND(2, 0, null);

        public final int code;
        public final int dim;
        public final Metric metric;

        Kind(int code, int dim, Metric metric) {
            this.code = code;
            this.dim = dim;
            this.metric = metric;
        }

        /** The kind of a header code, or null if unknown. */
        public static Kind ofCode(int code) {
            for (Kind k : values()) {
                if (k.code == code) return k;
            }
            return null;
        }
    }

    public EmbedderSpec {
        if (kind == null) throw new IllegalArgumentException("embedder kind is required");
        if (command == null) command = "";
        if (kind == Kind.COMMAND && command.isBlank()) throw new IllegalArgumentException("--embed-cmd needs a command");
        if (kind != Kind.COMMAND && !command.isEmpty()) throw new IllegalArgumentException("only --embed-cmd takes a command");
        if (command.getBytes(StandardCharsets.UTF_8).length > MAX_COMMAND_BYTES) {
            throw new IllegalArgumentException("--embed-cmd: the command is longer than " + MAX_COMMAND_BYTES + " bytes");
        }
    }

    /** The built-in model named by {@code mkfs --embed NAME}. */
    public static EmbedderSpec builtIn(String name) {
        if ("minilm".equals(name)) return MINILM;
        throw new IllegalArgumentException("unknown model '" + name + "' for --embed (known: minilm)");
    }

    public static EmbedderSpec command(String command) {
        return new EmbedderSpec(Kind.COMMAND, command);
    }

    public boolean enabled() {
        return kind != Kind.NONE;
    }

    /** For logs and status: {@code none}, {@code minilm}, {@code cmd:...}. */
    public String label() {
        return switch (kind) {
            case NONE -> "none";
            case MINILM -> "minilm";
            case COMMAND -> "cmd:" + command;
        };
    }
}
