package vexfs.it;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * One load process of scripts/stress: until the deadline, a mix of metadata (mkdir, create, stat, readdir,
 * rename, unlink), data (write + fsync, read), vector (set, get, remove) and search (/.vexfs/search queries,
 * /.vexfs/similar listings) calls on its own directory of the mount, and one step in ten on a directory all of them
 * share (same files from several processes: renames over each other, hard links). A name that another step or process
 * removed or created meanwhile is a race (counted as {@code errors}); any other failure is counted as {@code
 * unexpected} (the first few printed on stderr) and fails the soak.
 * Prints one line at the end: {@code ops TOTAL errors N unexpected U op=count ...}.
 * <p>Usage: {@code StressLoad MOUNT ID SECONDS DIM}
 */
public final class StressLoad {
    /** -Dvexfs.stress.similar=false leaves /.vexfs/similar listings out (to tell their memory from the rest). */
    private static final boolean SIMILAR = !"false".equals(System.getProperty("vexfs.stress.similar"));
    /** -Dvexfs.stress.shared=false leaves out the directory all load processes share (one step in ten). */
    private static final boolean SHARED = !"false".equals(System.getProperty("vexfs.stress.shared"));

    private StressLoad() {}

    public static void main(String[] args) throws Exception {
        Path mnt = Path.of(args[0]);
        int id = Integer.parseInt(args[1]);
        long deadline = System.nanoTime() + Long.parseLong(args[2]) * 1_000_000_000L;
        int dim = Integer.parseInt(args[3]);
        Path dir = Files.createDirectories(mnt.resolve("load" + id));
        SplittableRandom rnd = new SplittableRandom(id * 7919L + System.nanoTime());
        Map<String, Long> ops = new TreeMap<>();
        long errors = 0;
        long unexpected = 0;
        List<String> names = new ArrayList<>();
        int next = 0;
        Path shared = Files.createDirectories(mnt.resolve("shared"));
        while (System.nanoTime() < deadline) {
            int r = rnd.nextInt(100);
            String op;
            try {
                if (SHARED && rnd.nextInt(10) == 0) {
                    op = sharedStep(shared, rnd, dim);
                } else if (names.size() < 20 || r < 12 && names.size() < 400) {
                    op = "create";
                    String n = "f" + next++;
                    Path sub = dir.resolve("d" + rnd.nextInt(8));
                    Files.createDirectories(sub);
                    try (FileChannel ch = FileChannel.open(sub.resolve(n), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                        ch.write(ByteBuffer.wrap(bytes(rnd, 1 + rnd.nextInt(16384))));
                        if (rnd.nextInt(4) == 0) ch.force(false);
                    }
                    names.add(sub.getFileName() + "/" + n);
                } else {
                    String n = names.get(rnd.nextInt(names.size()));
                    Path f = dir.resolve(n);
                    if (r < 25) {
                        op = "read";
                        Files.readAllBytes(f);
                    } else if (r < 35) {
                        op = "stat";
                        Files.readAttributes(f, "unix:*");
                    } else if (r < 40) {
                        op = "readdir";
                        try (DirectoryStream<Path> ds = Files.newDirectoryStream(f.getParent())) {
                            ds.forEach(p -> { });
                        }
                    } else if (r < 55) {
                        op = "setvec";
                        view(f).write("vexfs.vector.f32", ByteBuffer.wrap(CrashWriter.f32(vector(rnd, dim))));
                    } else if (r < 62) {
                        op = "getvec";
                        CrashWriter.readVector(f, dim);
                    } else if (r < 65) {
                        op = "rmvec";
                        try {
                            view(f).delete("vexfs.vector");
                        } catch (IOException noVector) {
                            // ENODATA: it had none
                        }
                    } else if (r < 75) {
                        op = "search";
                        SearchProbe.query(mnt, CrashWriter.csv(vector(rnd, dim)) + "\nk=10\n");
                    } else if (r < 77 && SIMILAR) {
                        op = "similar";
                        try (DirectoryStream<Path> ds = Files.newDirectoryStream(mnt.resolve(".vexfs/similar").resolve(dir.getFileName()).resolve(n))) {
                            ds.forEach(p -> { });
                        } catch (IOException | java.nio.file.DirectoryIteratorException noVector) {
                            // ENODATA when the file has no vector
                        }
                    } else if (r < 85) {
                        op = "rename";
                        String m = "d" + rnd.nextInt(8) + "/f" + next++;
                        Files.createDirectories(dir.resolve(m).getParent());
                        Files.move(f, dir.resolve(m), StandardCopyOption.ATOMIC_MOVE);
                        names.remove(n);
                        names.add(m);
                    } else if (r < 92) {
                        op = "write";
                        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                            ch.write(ByteBuffer.wrap(bytes(rnd, 1 + rnd.nextInt(4096))));
                            ch.force(false);
                        }
                    } else {
                        op = "unlink";
                        Files.delete(f);
                        names.remove(n);
                    }
                }
                ops.merge(op, 1L, Long::sum);
            } catch (NoSuchFileException | java.nio.file.FileAlreadyExistsException raced) {
                errors++;
            } catch (IOException | RuntimeException e) {
                unexpected++;
                if (unexpected <= 5) System.err.println("stress load " + id + ": " + op(e));
            }
        }
        long total = ops.values().stream().mapToLong(Long::longValue).sum();
        StringBuilder sb = new StringBuilder("ops " + total + " errors " + errors + " unexpected " + unexpected);
        ops.forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
        System.out.println(sb);
    }

    /**
     * One step on the directory every load process shares, on 32 names: vectors set and removed, renames over
     * another process's file, hard links, appends and unlinks of the same files from several processes at once. A
     * missing or already existing name is a race between processes (counted, like the rest of the errors).
     */
    private static String sharedStep(Path shared, SplittableRandom rnd, int dim) throws IOException {
        Path a = shared.resolve("s" + rnd.nextInt(32));
        Path b = shared.resolve("s" + rnd.nextInt(32));
        int r = rnd.nextInt(100);
        if (r < 20) {
            try (FileChannel ch = FileChannel.open(a, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                ch.write(ByteBuffer.wrap(bytes(rnd, 1 + rnd.nextInt(2048))));
            }
            return "s-create";
        } else if (r < 45) {
            view(a).write("vexfs.vector.f32", ByteBuffer.wrap(CrashWriter.f32(vector(rnd, dim))));
            return "s-setvec";
        } else if (r < 52) {
            try {
                view(a).delete("vexfs.vector");
            } catch (java.nio.file.FileSystemException noVector) {
                if (!Files.exists(a)) throw new NoSuchFileException(a.toString()); // else ENODATA: it had none
            }
            return "s-rmvec";
        } else if (r < 67) {
            Files.move(a, b, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return "s-rename";
        } else if (r < 75) {
            Files.createLink(b, a);
            return "s-link";
        } else if (r < 85) {
            try (FileChannel ch = FileChannel.open(a, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                ch.write(ByteBuffer.wrap(bytes(rnd, 1 + rnd.nextInt(4096))));
                if (rnd.nextBoolean()) ch.force(false);
            }
            return "s-write";
        } else if (r < 92) {
            CrashWriter.readVector(a, dim);
            return "s-getvec";
        } else {
            Files.delete(a);
            return "s-unlink";
        }
    }

    private static String op(Exception e) {
        StackTraceElement[] t = e.getStackTrace();
        return e + (t.length > 0 ? " at " + t[0] : "");
    }

    private static UserDefinedFileAttributeView view(Path f) {
        return Files.getFileAttributeView(f, UserDefinedFileAttributeView.class);
    }

    private static byte[] bytes(SplittableRandom rnd, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i += 8) b[i] = (byte) rnd.nextInt(256);
        return b;
    }

    private static float[] vector(SplittableRandom rnd, int dim) {
        float[] v = new float[dim];
        for (int i = 0; i < dim; i++) v[i] = (float) rnd.nextGaussian();
        return v;
    }
}
