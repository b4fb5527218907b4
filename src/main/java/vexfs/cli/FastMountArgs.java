package vexfs.cli;

import java.nio.file.Path;

/**
 * A picocli-free parser for the common forms of {@code vexfs mount}: picocli reflects over annotations and its
 * classes cannot go into the JDK's AOT cache (old class-file version), which costs the mount ~200 ms before our
 * own code starts. Understands {@code mount [-f] [-d] [-o OPTS | -oOPTS | -o=OPTS]... [--log FILE]
 * [--wait-seconds N] BACKING MOUNTPOINT} in any order; returns null for anything else (help, version, errors,
 * unknown options), which then goes through picocli as before, so messages and help are unchanged.
 */
final class FastMountArgs {
    private FastMountArgs() {}

    static MountCommand parse(String[] args) {
        if (args.length < 3 || !args[0].equals("mount")) return null;
        MountCommand c = new MountCommand();
        c.waitSeconds = 30;
        Path[] positional = new Path[2];
        int n = 0;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "-f", "--foreground" -> c.foreground = true;
                case "-d", "--debug" -> c.debug = true;
                case "-o", "--log", "--wait-seconds" -> {
                    if (++i >= args.length) return null;
                    if (!apply(c, a, args[i])) return null;
                }
                default -> {
                    if (a.startsWith("-o=")) c.options.add(a.substring(3));
                    else if (a.startsWith("-o") && a.length() > 2) c.options.add(a.substring(2));
                    else if (a.startsWith("--log=")) c.log = Path.of(a.substring(6));
                    else if (a.startsWith("--wait-seconds=")) {
                        if (!apply(c, "--wait-seconds", a.substring(15))) return null;
                    } else if (a.startsWith("-") || a.isEmpty() || n == 2) return null;
                    else positional[n++] = Path.of(a);
                }
            }
        }
        if (n != 2) return null;
        c.backing = positional[0];
        c.mountpoint = positional[1];
        return c;
    }

    private static boolean apply(MountCommand c, String option, String value) {
        switch (option) {
            case "-o" -> c.options.add(value);
            case "--log" -> c.log = Path.of(value);
            default -> {
                try {
                    c.waitSeconds = Integer.parseInt(value);
                } catch (NumberFormatException e) {
                    return false;
                }
            }
        }
        return true;
    }
}
