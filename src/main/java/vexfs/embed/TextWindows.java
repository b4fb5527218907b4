package vexfs.embed;

import java.util.Arrays;

/**
 * Splits a document's text into the overlapping windows its chunks are made from: {@link #WORDS} words each,
 * starting every {@link #STRIDE} words (so neighbours share {@code WORDS - STRIDE} words and a passage cut by one
 * window's edge is whole in the next), at most {@link #MAX_WINDOWS} of them. 192 words is ~250–400 WordPiece tokens
 * of English prose, man pages or source: inside all-MiniLM-L6-v2's 512-token input, where a longer window would be
 * split and averaged by the model's wrapper and blur the passage it stands for. A text of at most {@code WORDS}
 * words is one window: the file's vector is then its only vector. Each window is a range of chars and, for the
 * search result's {@code bytes=} field, of UTF-8 bytes of the text (the file's own bytes for a UTF-8 text file).
 */
public final class TextWindows {
    public static final int WORDS = 192;
    public static final int STRIDE = 160;
    /** 128 windows cover ~20,000 words (a 60-page paper); the rest of a longer text is left out. */
    public static final int MAX_WINDOWS = 128;

    private final int[] chars;   // start, end (exclusive) per window
    private final long[] bytes;  // the same in UTF-8 bytes
    private final long textBytes;

    private TextWindows(int[] chars, long[] bytes, long textBytes) {
        this.chars = chars;
        this.bytes = bytes;
        this.textBytes = textBytes;
    }

    /** The windows of {@code text} (none for a text without a word). */
    public static TextWindows of(String text) {
        return of(text, WORDS, STRIDE, MAX_WINDOWS);
    }

    static TextWindows of(String text, int words, int stride, int maxWindows) {
        if (words < 1 || stride < 1 || stride > words || maxWindows < 1) throw new IllegalArgumentException();
        // word boundaries in chars and bytes, one pass; only the words the windows can reach are kept
        int limit = words + stride * (maxWindows - 1);
        int[] wc = new int[16];
        long[] wb = new long[16];
        int n = 0;
        long b = 0, wordStartByte = 0;
        int wordStart = -1;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            boolean space = Character.isWhitespace(c) || Character.isSpaceChar(c);
            if (space && wordStart >= 0) {
                if (2 * n + 2 > wc.length) {
                    wc = Arrays.copyOf(wc, wc.length * 2);
                    wb = Arrays.copyOf(wb, wb.length * 2);
                }
                wc[2 * n] = wordStart;
                wc[2 * n + 1] = i;
                wb[2 * n] = wordStartByte;
                wb[2 * n + 1] = b;
                n++;
                wordStart = -1;
                if (n == limit) break;
            } else if (!space && wordStart < 0) {
                wordStart = i;
                wordStartByte = b;
            }
            if (i < text.length()) b += utf8Length(text, i);
        }
        long total = utf8Bytes(text);
        if (n == 0) return new TextWindows(new int[0], new long[0], total);
        int count = n <= words ? 1 : Math.min(maxWindows, 1 + (n - words + stride - 1) / stride);
        int[] ch = new int[2 * count];
        long[] by = new long[2 * count];
        for (int w = 0; w < count; w++) {
            int first = w * stride, last = Math.min(n, first + words) - 1;
            ch[2 * w] = wc[2 * first];
            ch[2 * w + 1] = wc[2 * last + 1];
            by[2 * w] = wb[2 * first];
            by[2 * w + 1] = wb[2 * last + 1];
        }
        return new TextWindows(ch, by, total);
    }

    public int count() {
        return chars.length / 2;
    }

    /** The text of window {@code w}. */
    public String text(String of, int w) {
        return of.substring(chars[2 * w], chars[2 * w + 1]);
    }

    /** Start and end byte of each window, {@code [s0, e0, s1, e1, ...]}. */
    public long[] byteRanges() {
        return bytes.clone();
    }

    /** The UTF-8 length of the whole text. */
    public long textBytes() {
        return textBytes;
    }

    /** UTF-8 bytes of the char at {@code i} (a surrogate pair counts 4 at its high half, 0 at its low half). */
    private static int utf8Length(String s, int i) {
        char c = s.charAt(i);
        if (c < 0x80) return 1;
        if (c < 0x800) return 2;
        if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) return 4;
        if (Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1))) return 0;
        return 3;
    }

    private static long utf8Bytes(String s) {
        long b = 0;
        for (int i = 0; i < s.length(); i++) b += utf8Length(s, i);
        return b;
    }
}
