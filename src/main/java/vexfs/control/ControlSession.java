package vexfs.control;

import java.io.ByteArrayOutputStream;

/**
 * Per-open-file state of a control file. For /.vexfs/search it behaves like a socket: the results of the last
 * query written on this descriptor are read in order whatever the file offset, and reading at offset 0 starts
 * over (so pread(0) and lseek(0)+read work as well as cat). Synchronized: one descriptor may be shared.
 */
final class ControlSession {
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private byte[] content;
    private int cursor;
    /** The text of the last query that ran, so that option lines written separately can refine it. */
    private byte[] lastQuery;
    /** Whether anything was written (a query, good or bad) on this descriptor. */
    private boolean written;
    /** Whether a refusal was logged since the last good query (one log line per bad query, not per retry). */
    private boolean refusalLogged;

    ControlSession(byte[] content) {
        this.content = content;
    }

    synchronized byte[] appendPending(byte[] chunk) {
        pending.writeBytes(chunk);
        return pending.toByteArray();
    }

    /** Bytes this descriptor holds (results and a pending fragment). */
    synchronized long buffered() {
        return (long) content.length + pending.size();
    }

    synchronized int pendingSize() {
        return pending.size();
    }

    synchronized void clearPending() {
        pending.reset();
    }

    synchronized boolean written() {
        return written;
    }

    synchronized void markWritten() {
        written = true;
    }

    /** True the first time since the last good query: the caller logs this refusal. */
    synchronized boolean firstRefusal() {
        boolean first = !refusalLogged;
        refusalLogged = true;
        return first;
    }

    synchronized void goodQuery() {
        refusalLogged = false;
    }

    synchronized byte[] lastQuery() {
        return lastQuery;
    }

    synchronized void setLastQuery(byte[] q) {
        lastQuery = q;
    }

    synchronized void setContent(byte[] c) {
        setContent(c, false);
    }

    /** New content read from the start; {@code keepPending}: a query fragment stays buffered. */
    synchronized void setContent(byte[] c, boolean keepPending) {
        content = c;
        cursor = 0;
        if (!keepPending) pending.reset();
    }

    /** Reads from the cursor (or from the start when {@code offset == 0}) and advances it. */
    synchronized byte[] readStream(long offset, int size) {
        if (offset == 0) cursor = 0;
        int n = Math.max(0, Math.min(size, content.length - cursor));
        byte[] out = new byte[n];
        System.arraycopy(content, cursor, out, 0, n);
        cursor += n;
        return out;
    }

    /** Plain file semantics (stats files: content fixed at open). */
    synchronized byte[] readAt(long offset, int size) {
        if (offset >= content.length) return new byte[0];
        int n = (int) Math.min(size, content.length - offset);
        byte[] out = new byte[n];
        System.arraycopy(content, (int) offset, out, 0, n);
        return out;
    }
}
