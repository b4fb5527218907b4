package vexfs.embed;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Any model, as a long-running co-process ({@code /bin/sh -c CMD}) speaking JSON lines on its standard input and
 * output ({@link JsonLine}); its standard error goes to the daemon log, one line each. Started on the first
 * request; one request at a time; a process that died (or did not answer within {@link #TIMEOUT_SECONDS}) is
 * killed and started again, and the request that found it dead is retried once on the new one.
 */
final class CommandEmbedder implements Embedder {
    private static final Logger LOG = LoggerFactory.getLogger(CommandEmbedder.class);
    static final long TIMEOUT_SECONDS = Long.getLong("vexfs.embed.timeoutSeconds", 60);

    private final String command;
    private final int dim;
    private final ExecutorService readerThread = Executors.newSingleThreadExecutor(Thread.ofVirtual()
            .name("vexfs-embed-cmd-reader").factory());
    private Process process;
    private BufferedWriter in;
    private BufferedReader out;
    private int starts;

    CommandEmbedder(String command, int dim) {
        this.command = command;
        this.dim = dim;
    }

    @Override
    public synchronized boolean loaded() {
        return process != null && process.isAlive();
    }

    /** How often the co-process was started (restarts + 1). */
    synchronized int starts() {
        return starts;
    }

    @Override
    public boolean takesBytes() {
        return true;
    }

    @Override
    public float[] embedText(String path, String text) throws EmbedException {
        return request(JsonLine.textRequest(path, text));
    }

    @Override
    public float[] embedBytes(String path, byte[] bytes) throws EmbedException {
        return request(JsonLine.bytesRequest(path, bytes));
    }

    private synchronized float[] request(String line) throws EmbedException {
        for (int attempt = 0; ; attempt++) {
            try {
                ensureStarted();
                in.write(line);
                in.write('\n');
                in.flush();
                Future<String> reply = readerThread.submit(out::readLine);
                String r = reply.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                if (r == null) throw new IOException("it closed its output");
                return JsonLine.parseReply(r, dim);
            } catch (IOException | ExecutionException e) {
                String why = e instanceof ExecutionException ee && ee.getCause() != null ? ee.getCause().toString() : e.getMessage();
                stop("it failed (" + why + ")");
                if (attempt > 0) throw new EmbedException("embed command failed twice: " + why, e);
            } catch (TimeoutException e) {
                stop("it did not answer within " + TIMEOUT_SECONDS + " s");
                throw new EmbedException("embed command did not answer within " + TIMEOUT_SECONDS + " s");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EmbedException("interrupted");
            }
        }
    }

    private void ensureStarted() throws IOException {
        if (process != null && process.isAlive()) return;
        if (process != null) stop("it exited with status " + process.exitValue());
        Process p = new ProcessBuilder("/bin/sh", "-c", command).start();
        starts++;
        process = p;
        in = new BufferedWriter(new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8), 1 << 16);
        out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8), 1 << 16);
        Thread.ofVirtual().name("vexfs-embed-cmd-stderr").start(() -> {
            try (BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String l; (l = err.readLine()) != null; ) LOG.info("embed command (pid {}): {}", p.pid(), l);
            } catch (IOException ignored) {
                // the process went away
            }
        });
        LOG.info("embedder: started '{}' (pid {}{})", command, p.pid(), starts > 1 ? ", restart " + (starts - 1) : "");
    }

    private void stop(String why) {
        if (process == null) return;
        LOG.warn("embedder: restarting '{}' (pid {}): {}", command, process.pid(), why);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    @Override
    public synchronized void close() {
        if (process != null) {
            try {
                in.close(); // end of input: a well-behaved co-process exits
                if (!process.waitFor(2, TimeUnit.SECONDS)) process.destroyForcibly();
            } catch (IOException | InterruptedException e) {
                process.destroyForcibly();
            }
            process = null;
        }
        readerThread.shutdownNow();
    }
}
