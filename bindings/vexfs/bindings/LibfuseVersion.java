package vexfs.bindings;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A libfuse version as {@code fuse_pkgversion()} reports it ("3.14.0", "3.17.1-rc0"). Only the full string tells
 * 3.14.0 from 3.14.1, whose {@code struct fuse_file_info} bitfields differ; {@code fuse_version()} says 314 for
 * both.
 *
 * @param text the string as the library reported it, for messages
 */
public record LibfuseVersion(int major, int minor, int hotfix, String text) implements Comparable<LibfuseVersion> {
    private static final Pattern FORM = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?.*");

    /** Parses "MAJOR.MINOR[.HOTFIX][suffix]"; throws IllegalArgumentException naming the text otherwise. */
    public static LibfuseVersion parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("cannot read the libfuse version '" + text
                    + "' (fuse_pkgversion() should return MAJOR.MINOR.HOTFIX)");
        }
        try {
            return new LibfuseVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    m.group(3) == null ? 0 : Integer.parseInt(m.group(3)), text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("cannot read the libfuse version '" + text + "': " + e.getMessage());
        }
    }

    /** What fuse_version() returns for this version: major * 100 + minor (FUSE_MAKE_VERSION). */
    public int fuseVersion() {
        return major * 100 + minor;
    }

    public boolean atLeast(int maj, int min, int hot) {
        return compareTo(new LibfuseVersion(maj, min, hot, "")) >= 0;
    }

    @Override
    public int compareTo(LibfuseVersion o) {
        int c = Integer.compare(major, o.major);
        if (c == 0) c = Integer.compare(minor, o.minor);
        return c != 0 ? c : Integer.compare(hotfix, o.hotfix);
    }

    @Override
    public String toString() {
        return text;
    }
}
