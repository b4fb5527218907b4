package vexfs.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import vexfs.passthrough.PassthroughOptions;
import vexfs.volume.VolumeLayout;

/**
 * The "-o" options of {@code vexfs mount}, split into those the kernel/libfuse take and our own. Unknown options
 * are refused with a message naming them, rather than passed to libfuse to fail obscurely.
 */
record MountConfig(List<String> kernelOptions, PassthroughOptions passthrough, int similarK, int readers,
                   String libfuse, boolean kernelPassthrough) {
    private static final Set<String> KERNEL_FLAGS = Set.of("allow_other", "allow_root", "default_permissions",
            "ro", "rw", "nosuid", "suid", "nodev", "dev", "noexec", "exec", "atime", "noatime", "relatime",
            "sync", "async", "dirsync", "auto_unmount");
    private static final Set<String> KERNEL_VALUED = Set.of("fsname", "subtype", "max_read", "max_threads");

    static MountConfig parse(List<String> optionGroups) {
        return parse(optionGroups, null);
    }

    /**
     * As above; the mount's source (fsname, shown by df, findmnt and /proc/mounts) is {@code backing} unless
     * fsname= is given, so that mount(8) sees an fstab entry as mounted (mount -a twice) and df says what is
     * mounted. A path that libfuse's option syntax or fusermount3 would mangle (comma, backslash, white space) is
     * shown as "vexfs" instead.
     */
    static MountConfig parse(List<String> optionGroups, java.nio.file.Path backing) {
        List<String> kernel = new ArrayList<>();
        double attr = 1.0;
        double entry = 1.0;
        boolean writeback = false;
        boolean directIo = false;
        boolean ro = false;
        int similarK = 10;
        int readers = Math.max(2, Runtime.getRuntime().availableProcessors());
        int maxFds = 0;
        boolean fsname = false;
        String libfuse = null;
        boolean kernelPassthrough = true;
        boolean backingLocks = false;
        for (String group : optionGroups) {
            for (String o : group.split(",")) {
                o = o.trim();
                if (o.isEmpty()) continue;
                if (o.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                    // libfuse takes C strings: a NUL would silently cut the option, other controls end up in mountinfo
                    throw new IllegalArgumentException("mount option '" + o.replaceAll("\\p{Cntrl}", "?")
                            + "' contains a control character");
                }
                int eq = o.indexOf('=');
                String key = eq < 0 ? o : o.substring(0, eq);
                String val = eq < 0 ? null : o.substring(eq + 1);
                switch (key) {
                    case "writeback" -> writeback = true;
                    case "direct_io" -> directIo = true;
                    case "attr_timeout" -> attr = seconds(key, val);
                    case "entry_timeout" -> entry = seconds(key, val);
                    case "timeout" -> attr = entry = seconds(key, val);
                    case "similar_k" -> similarK = positive(key, val, 1000);
                    case "readers" -> readers = positive(key, val, 64);
                    // open node descriptors kept (vexfs.passthrough.InodeTable); 0 = the default
                    case "max_fds" -> maxFds = positive(key, val, 1 << 24);
                    // which libfuse file to load instead of the system's (vexfs.bindings.LibfuseLoader)
                    case "passthrough" -> {
                        if (!"on".equals(val) && !"off".equals(val)) {
                            throw new IllegalArgumentException("mount option passthrough needs on or off, got '"
                                    + val + "'");
                        }
                        kernelPassthrough = val.equals("on");
                    }
                    case "locks" -> {
                        if (!"kernel".equals(val) && !"backing".equals(val)) {
                            throw new IllegalArgumentException("mount option locks needs kernel or backing, got '"
                                    + val + "'");
                        }
                        backingLocks = val.equals("backing");
                    }
                    case "libfuse" -> {
                        if (val == null || val.isEmpty()) {
                            throw new IllegalArgumentException("mount option libfuse needs a file, e.g."
                                    + " libfuse=/opt/libfuse-3.17/lib/libfuse3.so.4");
                        }
                        libfuse = val;
                    }
                    // accepted from fstab/mount(8) and meaningless here
                    case "defaults", "_netdev", "nofail", "user", "users", "noauto", "auto" -> { }
                    default -> {
                        if (key.equals("ro") && val == null) {
                            // enforced by the daemon (every change answers EROFS), not by the kernel: a kernel
                            // read-only mount refuses O_RDWR opens, so /.vexfs/search could take no query
                            ro = true;
                        } else if (KERNEL_FLAGS.contains(key) && val == null) {
                            if (key.equals("rw")) ro = false;
                            kernel.add(key);
                        } else if (KERNEL_VALUED.contains(key) && val != null) {
                            if (key.equals("fsname")) fsname = true;
                            if (!key.equals("max_threads")) kernel.add(o);
                        } else {
                            throw new IllegalArgumentException("unknown mount option '" + o + "' (see vexfs mount --help)");
                        }
                    }
                }
            }
        }
        if (!fsname) kernel.add("fsname=" + sourceName(backing));
        if (!kernel.contains("subtype=vexfs")) kernel.add("subtype=vexfs");
        return new MountConfig(kernel, new PassthroughOptions(attr, entry, writeback, directIo, ro, VolumeLayout.STORE_DIR,
                backingLocks, maxFds),
                similarK, readers, libfuse, kernelPassthrough);
    }

    private static String sourceName(java.nio.file.Path backing) {
        if (backing == null) return "vexfs";
        String p = backing.toAbsolutePath().normalize().toString();
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == ',' || c == '\\' || Character.isWhitespace(c) || c < 0x20 || c == 0x7f) return "vexfs";
        }
        return p;
    }

    private static double seconds(String key, String val) {
        try {
            double d = Double.parseDouble(val);
            if (d >= 0 && d <= 86400 * 365 && !Double.isNaN(d)) return d;
        } catch (NumberFormatException | NullPointerException ignored) {
            // fall through to the error
        }
        throw new IllegalArgumentException("mount option " + key + " needs a number of seconds >= 0, got '" + val + "'");
    }

    private static int positive(String key, String val, int max) {
        try {
            int v = Integer.parseInt(val);
            if (v >= 1 && v <= max) return v;
        } catch (NumberFormatException ignored) {
            // fall through to the error
        }
        throw new IllegalArgumentException("mount option " + key + " needs an integer 1.." + max + ", got '" + val + "'");
    }
}
