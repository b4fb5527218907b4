package vexfs.it;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The vexfs CLI as a shell command line that user nobody can run: the test classpath's jars live under /root/.m2
 * (0700), so they are copied into a world-readable directory once; class directories are used in place.
 */
final class NobodyCli {
    private final String classpath;

    /** Copies the classpath's jars into {@code dir} (made world-readable). */
    NobodyCli(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        List<String> cp = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(e);
            if (Files.isRegularFile(p)) {
                Path copy = dir.resolve(cp.size() + "-" + p.getFileName());
                Files.copy(p, copy);
                cp.add(copy.toString());
            } else {
                cp.add(e);
            }
        }
        MountFixture.sh("chmod -R a+rX '" + dir + "'");
        classpath = String.join(File.pathSeparator, cp);
    }

    /** {@code vexfs ARGS} as one shell command line (each word single-quoted). */
    String command(String... args) {
        List<String> words = new ArrayList<>(List.of(MountFixture.java(), "-XX:-UsePerfData",
                "--enable-native-access=ALL-UNNAMED", "--add-modules", "jdk.incubator.vector", "-XX:+UseSerialGC",
                "-cp", classpath, "vexfs.cli.Main"));
        words.addAll(List.of(args));
        StringBuilder sb = new StringBuilder();
        for (String w : words) sb.append(sb.isEmpty() ? "" : " ").append(quote(w));
        return sb.toString();
    }

    static String quote(String w) {
        return "'" + w.replace("'", "'\\''") + "'";
    }
}
