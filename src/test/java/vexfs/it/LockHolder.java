package vexfs.it;

import java.nio.charset.StandardCharsets;

import vexfs.libc.Errno;
import vexfs.libc.FsException;
import vexfs.libc.Lock;
import vexfs.libc.NativeIo;

/**
 * A second process for lock tests: {@code LockHolder FILE START LEN try|wait} takes a POSIX write lock
 * (F_SETLK or F_SETLKW) on FILE, prints "locked PID NANOTIME" or "failed ERRNO", then holds it until stdin closes.
 */
public final class LockHolder {
    private LockHolder() {}

    public static void main(String[] args) throws Exception {
        int fd = NativeIo.open(args[0], NativeIo.O_RDWR, 0);
        int cmd = args[3].equals("wait") ? NativeIo.F_SETLKW : NativeIo.F_SETLK;
        try {
            NativeIo.fcntlLock(fd, cmd, new Lock(1 /* F_WRLCK */, NativeIo.SEEK_SET, Long.parseLong(args[1]),
                    Long.parseLong(args[2]), 0));
            // the grant time on CLOCK_MONOTONIC (System.nanoTime on Linux), comparable across processes
            System.out.println("locked " + ProcessHandle.current().pid() + " " + System.nanoTime());
        } catch (FsException e) {
            System.out.println("failed " + Errno.name(e.errno()));
        }
        System.out.flush();
        System.in.readAllBytes();
        NativeIo.close(fd);
        System.out.println("done".getBytes(StandardCharsets.UTF_8).length);
    }
}
