package vexfs.bindings;

import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which libfuse file the bindings link against, decided once, at the first downcall: the one named by
 * {@link #request} ({@code vexfs mount -o libfuse=FILE}), else by the environment variable {@value #ENV} (a path,
 * or a soname for the dynamic linker's search), else the first of {@link #SONAMES} the dynamic linker finds. An
 * explicit choice that cannot be loaded is an error, never a silent fall-back to another libfuse: whoever named a
 * library wants to know it is not the one running.
 */
@SuppressWarnings("restricted") // loading the library is what this class is for
public final class LibfuseLoader {
    /** Names a libfuse file (or soname) to use instead of the system's, e.g. a private 3.17 build. */
    public static final String ENV = "VEXFS_LIBFUSE";
    /**
     * libfuse 3.0-3.16 are libfuse3.so.3, 3.17 bumped the soname to libfuse3.so.4 (its changelog: releases with an
     * incompatible ABI had shipped). .so.3 first: where both are installed that is the distribution's older one
     * kept for other programs, and either works; {@link #ENV} picks explicitly.
     */
    static final String[] SONAMES = {"libfuse3.so.3", "libfuse3.so.4"};

    private static String requested;
    private static Loaded loaded;

    /** The lookup and where it came from ("/usr/lib/.../libfuse3.so.3 (soname libfuse3.so.3)"). */
    record Loaded(SymbolLookup lookup, String source) {}

    private LibfuseLoader() {}

    /**
     * Uses {@code file} (a path or a soname) instead of {@value #ENV} and the sonames. Must come before the first
     * libfuse call; IllegalStateException if another library is already loaded.
     */
    public static synchronized void request(String file) {
        if (loaded != null && !file.equals(requested)) {
            throw new IllegalStateException("libfuse is already loaded from " + loaded.source()
                    + "; cannot switch to " + file);
        }
        requested = file;
    }

    /** Where the bindings' libfuse comes from; loads it if nothing has yet. */
    public static String source() {
        return load().source();
    }

    static SymbolLookup lookup() {
        return load().lookup();
    }

    static synchronized Loaded load() {
        if (loaded != null) return loaded;
        String explicit = requested;
        String how = "-o libfuse=";
        if (explicit == null) {
            explicit = System.getenv(ENV);
            how = ENV + "=";
            if (explicit != null && explicit.isBlank()) explicit = null;
        }
        loaded = explicit != null ? loadExplicit(explicit, how) : loadDefault();
        return loaded;
    }

    static Loaded loadExplicit(String file, String how) {
        try {
            if (file.contains("/")) {
                Path p = Path.of(file).toAbsolutePath().normalize();
                if (!Files.isRegularFile(p)) {
                    throw new UnsatisfiedLinkError("libfuse named by " + how + file + " does not exist (or is not"
                            + " a file): build it (scripts/ci-libfuse317 builds 3.17.2) or fix the path");
                }
                return new Loaded(SymbolLookup.libraryLookup(p, Arena.global()), p + " (" + how + file + ")");
            }
            return new Loaded(SymbolLookup.libraryLookup(file, Arena.global()), file + " (" + how + file + ")");
        } catch (IllegalArgumentException e) {
            throw new UnsatisfiedLinkError("cannot load the libfuse named by " + how + file + ": " + e.getMessage());
        }
    }

    private static Loaded loadDefault() {
        StringBuilder why = new StringBuilder();
        for (String name : SONAMES) {
            try {
                return new Loaded(SymbolLookup.libraryLookup(name, Arena.global()), name + " (soname search)");
            } catch (IllegalArgumentException e) {
                why.append("; ").append(name).append(": ").append(e.getMessage());
            }
        }
        throw new UnsatisfiedLinkError("libfuse3 not found (tried " + String.join(", ", SONAMES) + "): install it"
                + " with 'apt-get install fuse3' (Debian/Ubuntu) or your distribution's libfuse3 package, or name one"
                + " with " + ENV + "=/path/to/libfuse3.so.N" + why);
    }
}
