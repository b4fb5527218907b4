package vexfs.libc;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

import vexfs.bindings.constants_h;

/** Linux errno values (checked against the installed headers by AbiProbeTest through constants_h). */
public final class Errno {
    private Errno() {}

    public static final int EPERM = constants_h.EPERM;
    public static final int ENOENT = constants_h.ENOENT;
    public static final int EINTR = constants_h.EINTR;
    public static final int EIO = constants_h.EIO;
    /** "Structure needs cleaning" (Linux: 117 on every architecture): a damaged store, as ext4/xfs answer it. */
    public static final int EUCLEAN = 117;
    public static final int ENXIO = constants_h.ENXIO;
    public static final int E2BIG = constants_h.E2BIG;
    public static final int EBADF = constants_h.EBADF;
    public static final int EAGAIN = constants_h.EAGAIN;
    public static final int ENOMEM = constants_h.ENOMEM;
    public static final int EACCES = constants_h.EACCES;
    public static final int EBUSY = constants_h.EBUSY;
    public static final int EEXIST = constants_h.EEXIST;
    public static final int EXDEV = constants_h.EXDEV;
    public static final int ENODEV = constants_h.ENODEV;
    public static final int ENOTDIR = constants_h.ENOTDIR;
    public static final int EISDIR = constants_h.EISDIR;
    public static final int EINVAL = constants_h.EINVAL;
    public static final int ENFILE = constants_h.ENFILE;
    public static final int ETXTBSY = constants_h.ETXTBSY;
    public static final int EMLINK = constants_h.EMLINK;
    public static final int EMFILE = constants_h.EMFILE;
    public static final int EFBIG = constants_h.EFBIG;
    public static final int ENOSPC = constants_h.ENOSPC;
    public static final int ESPIPE = constants_h.ESPIPE;
    public static final int EROFS = constants_h.EROFS;
    public static final int ERANGE = constants_h.ERANGE;
    public static final int ENAMETOOLONG = constants_h.ENAMETOOLONG;
    public static final int ENOSYS = constants_h.ENOSYS;
    public static final int ENOTEMPTY = constants_h.ENOTEMPTY;
    public static final int ELOOP = constants_h.ELOOP;
    public static final int ENODATA = constants_h.ENODATA;
    public static final int ENOTSUP = constants_h.ENOTSUP;
    public static final int EOPNOTSUPP = constants_h.EOPNOTSUPP;
    public static final int ENOTCONN = constants_h.ENOTCONN;
    public static final int EOVERFLOW = constants_h.EOVERFLOW;
    public static final int ESTALE = constants_h.ESTALE;
    public static final int ENOLCK = constants_h.ENOLCK;
    public static final int EDQUOT = constants_h.EDQUOT;

    /**
     * The one mapping from a Java I/O exception to the errno a caller of the mount sees. NIO's typed exceptions map
     * by type; the rest (FileChannel and mapping failures are plain IOExceptions) carry the C library's strerror()
     * text of the errno, which is compared with strerror() of each candidate as this process's libc words it
     * (so no English text is hard-coded). Anything unknown is EIO.
     */
    public static int of(IOException e) {
        if (e instanceof NoSuchFileException) return ENOENT;
        if (e instanceof FileAlreadyExistsException) return EEXIST;
        if (e instanceof DirectoryNotEmptyException) return ENOTEMPTY;
        if (e instanceof AccessDeniedException) return EACCES;
        if (e instanceof NotDirectoryException) return ENOTDIR;
        String text = e instanceof FileSystemException fse && fse.getReason() != null ? fse.getReason() : e.getMessage();
        if (text == null) return EIO;
        for (int i : StrerrorTexts.LONGEST_FIRST) {
            if (text.contains(StrerrorTexts.TEXTS[i])) return BY_TEXT[i];
        }
        return EIO;
    }

    /** Errnos an I/O exception's text is matched against. */
    static final int[] BY_TEXT = {ENOSPC, EDQUOT, EROFS, EISDIR, ENOTDIR, ENOTEMPTY, EEXIST, ENOENT, EACCES, EPERM,
            EFBIG, EMFILE, ENFILE, ENAMETOOLONG, ELOOP, EBUSY, ENOMEM, EINVAL, ENODEV, ENXIO};

    /** strerror() of each of {@link #BY_TEXT}, read once (holder class: only on the first unmapped exception). */
    private static final class StrerrorTexts {
        static final String[] TEXTS = new String[BY_TEXT.length];
        /** Indices into TEXTS, longest text first: a text that holds another ("Too many open files in system") wins. */
        static final int[] LONGEST_FIRST;
        static {
            for (int i = 0; i < BY_TEXT.length; i++) TEXTS[i] = Libc.strerror(BY_TEXT[i]);
            LONGEST_FIRST = java.util.stream.IntStream.range(0, TEXTS.length).boxed()
                    .sorted((a, b) -> TEXTS[b].length() - TEXTS[a].length()).mapToInt(Integer::intValue).toArray();
        }
    }

    /** Short symbolic name for logs ("ENOENT"), or the number. */
    public static String name(int errno) {
        for (var f : Errno.class.getFields()) {
            try {
                if (f.getType() == int.class && f.getInt(null) == errno) return f.getName();
            } catch (IllegalAccessException ignored) {
                // all fields are public
            }
        }
        return "errno " + errno;
    }
}
