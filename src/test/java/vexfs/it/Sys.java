package vexfs.it;

import java.nio.file.Path;

import vexfs.libc.Errno;
import vexfs.libc.FsException;
import vexfs.libc.Name;
import vexfs.libc.NativeIo;

/** Raw system calls on paths for tests that check exact errnos: each call returns "OK" or the errno's name. */
final class Sys {
    private Sys() {}

    interface Call {
        void run() throws FsException;
    }

    static String errno(Call c) {
        try {
            c.run();
            return "OK";
        } catch (FsException e) {
            return Errno.name(e.errno());
        }
    }

    static Name name(Path p) {
        return Name.of(p.toString());
    }

    static String mkdir(Path p) {
        return errno(() -> NativeIo.mkdirat(NativeIo.AT_FDCWD, name(p), 0755));
    }

    static String rmdir(Path p) {
        return errno(() -> NativeIo.unlinkat(NativeIo.AT_FDCWD, name(p), NativeIo.AT_REMOVEDIR));
    }

    static String unlink(Path p) {
        return errno(() -> NativeIo.unlinkat(NativeIo.AT_FDCWD, name(p), 0));
    }

    static String rename(Path a, Path b, int flags) {
        return errno(() -> NativeIo.renameat2(NativeIo.AT_FDCWD, name(a), NativeIo.AT_FDCWD, name(b), flags));
    }

    static String link(Path a, Path b) {
        return errno(() -> NativeIo.linkat(NativeIo.AT_FDCWD, name(a), NativeIo.AT_FDCWD, name(b), 0));
    }

    static String symlink(String target, Path p) {
        return errno(() -> NativeIo.symlinkat(target.getBytes(), NativeIo.AT_FDCWD, name(p)));
    }

    static String open(Path p, int flags) {
        return errno(() -> NativeIo.close(NativeIo.openat(NativeIo.AT_FDCWD, name(p), flags | NativeIo.O_CLOEXEC, 0644)));
    }

    static String stat(Path p) {
        return errno(() -> NativeIo.fstatat(NativeIo.AT_FDCWD, name(p), NativeIo.AT_SYMLINK_NOFOLLOW));
    }
}
