package vexfs.control;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vexfs.libc.Errno;
import vexfs.libc.FsException;
import vexfs.volume.MountPath;

/**
 * What a search may return besides "nearest": below a directory ({@code under=}), a file name matching a glob
 * ({@code name=*.pdf}, the glob syntax of {@link java.nio.file.FileSystem#getPathMatcher}, matched against the last
 * component only), and modified after or before a time ({@code newer=}, {@code older=}: {@code 2026-01-31},
 * {@code 2026-01-31T12:00} (UTC unless an offset is given), {@code @1767225600} (epoch seconds), or an age:
 * {@code 7d}, {@code 12h}, {@code 30m}, {@code 45s} ago). {@code newer} is exclusive, {@code older} too, as
 * find(1)'s {@code -newer}.
 */
public record SearchFilter(MountPath under, String nameGlob, long newerThanMillis, long olderThanMillis) {
    public static final SearchFilter NONE = new SearchFilter(null, null, Long.MIN_VALUE, Long.MAX_VALUE);
    private static final Pattern AGE = Pattern.compile("(\\d{1,9})([dhms])");

    /** True if no name or time condition is set ({@code under} aside). */
    public boolean byPathOnly() {
        return nameGlob == null && !byTime();
    }

    public boolean byTime() {
        return newerThanMillis != Long.MIN_VALUE || olderThanMillis != Long.MAX_VALUE;
    }

    SearchFilter withUnder(MountPath u) {
        return new SearchFilter(u, nameGlob, newerThanMillis, olderThanMillis);
    }

    SearchFilter withName(String glob) throws FsException {
        if (glob.isEmpty()) throw new FsException(Errno.EINVAL, "empty name= glob");
        if (glob.indexOf('/') >= 0) throw new FsException(Errno.EINVAL, "name= matches a file name, not a path (no '/')");
        try {
            FileSystems.getDefault().getPathMatcher("glob:" + glob);
        } catch (IllegalArgumentException e) {
            throw new FsException(Errno.EINVAL, "bad name= glob: " + e.getMessage());
        }
        return new SearchFilter(under, glob, newerThanMillis, olderThanMillis);
    }

    SearchFilter withNewer(String when, long nowMillis) throws FsException {
        return new SearchFilter(under, nameGlob, millisOf("newer", when, nowMillis), olderThanMillis);
    }

    SearchFilter withOlder(String when, long nowMillis) throws FsException {
        return new SearchFilter(under, nameGlob, newerThanMillis, millisOf("older", when, nowMillis));
    }

    /** A matcher for {@link #nameGlob} (null if none); one per search. */
    PathMatcher nameMatcher() {
        return nameGlob == null ? null : FileSystems.getDefault().getPathMatcher("glob:" + nameGlob);
    }

    /** Whether a file name (its bytes, UTF-8 with replacement) matches the glob. */
    static boolean nameMatches(PathMatcher m, String name) {
        try {
            return m.matches(Path.of(name));
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    /** Whether a modification time (ms since the epoch) passes the time conditions. */
    boolean timeMatches(long mtimeMillis) {
        return mtimeMillis > newerThanMillis && mtimeMillis < olderThanMillis;
    }

    static long millisOf(String key, String when, long nowMillis) throws FsException {
        try {
            Matcher age = AGE.matcher(when);
            if (age.matches()) {
                long n = Long.parseLong(age.group(1));
                Duration d = switch (age.group(2)) {
                    case "d" -> Duration.ofDays(n);
                    case "h" -> Duration.ofHours(n);
                    case "m" -> Duration.ofMinutes(n);
                    default -> Duration.ofSeconds(n);
                };
                return nowMillis - d.toMillis();
            }
            if (when.startsWith("@")) return Math.multiplyExact(Long.parseLong(when.substring(1)), 1000L);
            if (when.length() == 10) return LocalDate.parse(when).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
            try {
                return OffsetDateTime.parse(when).toInstant().toEpochMilli();
            } catch (DateTimeParseException noOffset) {
                return LocalDateTime.parse(when).toInstant(ZoneOffset.UTC).toEpochMilli();
            }
        } catch (DateTimeParseException | NumberFormatException | ArithmeticException e) {
            throw new FsException(Errno.EINVAL, key + "= takes a date (2026-01-31), a date and time (2026-01-31T12:00,"
                    + " UTC unless an offset is given), @EPOCH_SECONDS or an age (7d, 12h, 30m, 45s); got '"
                    + (when.length() > 40 ? when.substring(0, 40) + "..." : when) + "'");
        }
    }
}
