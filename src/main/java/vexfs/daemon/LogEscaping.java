package vexfs.daemon;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Every line the daemon writes to its log (stderr and stdout: slf4j-simple's lines, stack traces, direct prints) has
 * its control characters escaped, so a file name or value that holds a newline, carriage return, ESC or another
 * control character can neither start a line of its own ("forge" a log line) nor drive a terminal that shows the
 * log. This is the one formatting point: slf4j-simple writes each record with one {@code println(String)} on
 * {@code System.err} (looked up at every write) and each line of a stack trace with one {@code println(Object)},
 * so a {@link PrintStream} that escapes the argument of every print and passes only its own line ends through
 * covers them all, whatever code logs what.
 *
 * <p>Escaped: C0 controls except TAB (it cannot start a line: stack traces indent with it) as {@code \n}, {@code \r},
 * {@code \e} or {@code \xNN}; DEL as {@code \x7f}; C1 controls and U+2028/U+2029 (line breaks to some viewers) as
 * {@code \u2028}. Bytes written raw ({@code write(byte[])}) have their C0 controls (newline included) and DEL
 * escaped the same way (bytes from 0x80 on are kept: they are UTF-8).
 * A backslash is not escaped, so escaped text and a name with a literal backslash sequence can look alike; the
 * guarantee is about line structure and terminal control, not a reversible encoding.
 */
public final class LogEscaping {
    private LogEscaping() {}

    /** Replaces System.err and System.out by escaping streams over them (once; a second call does nothing). */
    public static synchronized void install() {
        if (!(System.err instanceof Escaping)) System.setErr(new Escaping(System.err));
        if (!(System.out instanceof Escaping)) System.setOut(new Escaping(System.out));
    }

    /** True if {@code c} is escaped in log lines. */
    static boolean needsEscape(int c) {
        return (c < 0x20 && c != '\t') || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029;
    }

    /** {@code s} with its control characters escaped (the same string if it has none). */
    public static String escape(String s) {
        int i = 0;
        while (i < s.length() && !needsEscape(s.charAt(i))) i++;
        if (i == s.length()) return s;
        StringBuilder sb = new StringBuilder(s.length() + 16).append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (needsEscape(c)) appendEscape(sb, c);
            else sb.append(c);
        }
        return sb.toString();
    }

    private static void appendEscape(StringBuilder sb, int c) {
        switch (c) {
            case '\n' -> sb.append("\\n");
            case '\r' -> sb.append("\\r");
            case 0x1b -> sb.append("\\e");
            default -> sb.append(c <= 0xff ? String.format(Locale.ROOT, "\\x%02x", c) : String.format(Locale.ROOT, "\\u%04x", c));
        }
    }

    /**
     * A PrintStream that escapes what it is given and hands the result to {@code target}; its line ends (println)
     * are the only ones that reach the target.
     */
    static final class Escaping extends PrintStream {
        private final PrintStream target;

        Escaping(PrintStream target) {
            super(target, true);
            this.target = target;
        }

        @Override public void print(String s) { target.print(escape(String.valueOf(s))); }
        @Override public void print(Object o) { print(String.valueOf(o)); }
        @Override public void print(char[] s) { print(new String(s)); }
        @Override public void print(char c) { print(String.valueOf(c)); }
        @Override public void print(boolean b) { target.print(b); }
        @Override public void print(int i) { target.print(i); }
        @Override public void print(long l) { target.print(l); }
        @Override public void print(float f) { target.print(f); }
        @Override public void print(double d) { target.print(d); }

        @Override public void println() { target.println(); }
        @Override public void println(String s) { target.println(escape(String.valueOf(s))); }
        @Override public void println(Object o) { println(String.valueOf(o)); }
        @Override public void println(char[] s) { println(new String(s)); }
        @Override public void println(char c) { println(String.valueOf(c)); }
        @Override public void println(boolean b) { target.println(b); }
        @Override public void println(int i) { target.println(i); }
        @Override public void println(long l) { target.println(l); }
        @Override public void println(float f) { target.println(f); }
        @Override public void println(double d) { target.println(d); }

        @Override
        public PrintStream append(CharSequence csq) {
            print(String.valueOf(csq));
            return this;
        }

        @Override
        public PrintStream append(CharSequence csq, int start, int end) {
            print(String.valueOf(csq == null ? "null" : csq.subSequence(start, end)));
            return this;
        }

        @Override
        public PrintStream append(char c) {
            print(c);
            return this;
        }

        /** The format's own line ends (%n) stay; the values' control characters are escaped. */
        @Override
        public PrintStream format(String format, Object... args) {
            return format(Locale.getDefault(Locale.Category.FORMAT), format, args);
        }

        @Override
        public PrintStream format(Locale l, String format, Object... args) {
            Object[] safe = args == null ? null : args.clone();
            if (safe != null) {
                for (int i = 0; i < safe.length; i++) {
                    if (safe[i] instanceof CharSequence || safe[i] instanceof Throwable) safe[i] = escape(safe[i].toString());
                }
            }
            target.print(String.format(l, format, safe));
            return this;
        }

        @Override
        public PrintStream printf(String format, Object... args) {
            return format(format, args);
        }

        @Override
        public PrintStream printf(Locale l, String format, Object... args) {
            return format(l, format, args);
        }

        @Override
        public void write(int b) {
            b &= 0xff;
            if ((b < 0x20 && b != '\t') || b == 0x7f) { // bytes 0x80..0x9f are UTF-8 continuation bytes: kept
                StringBuilder sb = new StringBuilder();
                appendEscape(sb, b);
                target.print(sb);
            } else {
                target.write(b);
            }
        }

        @Override
        public void write(byte[] buf, int off, int len) {
            synchronized (target) {
                for (int i = off; i < off + len; i++) write(buf[i]);
            }
        }

        @Override
        public void write(byte[] buf) {
            write(buf, 0, buf.length);
        }

        @Override
        public void writeBytes(byte[] buf) {
            write(buf, 0, buf.length);
        }

        @Override
        public void flush() {
            target.flush();
        }

        @Override
        public void close() {
            target.close();
        }

        @Override
        public boolean checkError() {
            return target.checkError();
        }
    }
}
