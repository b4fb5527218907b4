/*
 * ABI probe: prints "key value" lines with every size, offset, bitfield mask and constant that the
 * Java bindings hard-code. AbiProbeTest compiles this with gcc against each libfuse header set it has (the
 * installed 3.14 headers, the private 3.17.2 build of scripts/ci-libfuse317, any extra ones named in
 * VEXFS_ABI_HEADER_PREFIXES) and compares each line with the bindings chosen for that version (by reflection
 * over the binding classes). -DFUSE_USE_VERSION=N overrides vexfs_fuse.h's 314 (317 for the 3.17 headers);
 * -DVEXFS_HAVE_PARALLEL_DIRECT_WRITES when the test found that field (3.14.1+; a has-member check, because
 * 3.14.0 and 3.14.1 headers both say FUSE_VERSION 314).
 *   sizeof.<struct> N        offset.<struct>.<field> N
 *   bit.fuse_file_info.<field> <byte offset of the 32-bit word>:<mask>
 *   const.<NAME> N
 */
#include "vexfs_fuse.h"
#include <stddef.h>
#include <string.h>
#include <stdint.h>

#define SZ(t) printf("sizeof.%s %zu\n", #t, sizeof(struct t))
#define OFF(t, f) printf("offset.%s.%s %zu\n", #t, #f, offsetof(struct t, f))
#define C(n) printf("const.%s %lld\n", #n, (long long)(n))

static void bit(const char *name, void (*set)(struct fuse_file_info *)) {
    struct fuse_file_info fi;
    memset(&fi, 0, sizeof fi);
    set(&fi);
    const unsigned char *p = (const unsigned char *)&fi;
    for (size_t w = 0; w + 4 <= sizeof fi; w += 4) {
        uint32_t v;
        memcpy(&v, p + w, 4);
        if (v) { printf("bit.fuse_file_info.%s %zu:%u\n", name, w, v); return; }
    }
    printf("bit.fuse_file_info.%s none\n", name);
}
#define BIT(f) static void set_##f(struct fuse_file_info *fi) { fi->f = 1; }
BIT(writepage) BIT(direct_io) BIT(keep_cache) BIT(flush) BIT(nonseekable) BIT(flock_release)
BIT(cache_readdir) BIT(noflush)
#ifdef VEXFS_HAVE_PARALLEL_DIRECT_WRITES
BIT(parallel_direct_writes)
#endif

int main(void) {
    printf("fuse_use_version %d\n", FUSE_USE_VERSION);
    printf("fuse_header_version %d\n", FUSE_VERSION);

    SZ(fuse_lowlevel_ops);
    OFF(fuse_lowlevel_ops, init); OFF(fuse_lowlevel_ops, destroy); OFF(fuse_lowlevel_ops, lookup);
    OFF(fuse_lowlevel_ops, forget); OFF(fuse_lowlevel_ops, getattr); OFF(fuse_lowlevel_ops, setattr);
    OFF(fuse_lowlevel_ops, readlink); OFF(fuse_lowlevel_ops, mknod); OFF(fuse_lowlevel_ops, mkdir);
    OFF(fuse_lowlevel_ops, unlink); OFF(fuse_lowlevel_ops, rmdir); OFF(fuse_lowlevel_ops, symlink);
    OFF(fuse_lowlevel_ops, rename); OFF(fuse_lowlevel_ops, link); OFF(fuse_lowlevel_ops, open);
    OFF(fuse_lowlevel_ops, read); OFF(fuse_lowlevel_ops, write); OFF(fuse_lowlevel_ops, flush);
    OFF(fuse_lowlevel_ops, release); OFF(fuse_lowlevel_ops, fsync); OFF(fuse_lowlevel_ops, opendir);
    OFF(fuse_lowlevel_ops, readdir); OFF(fuse_lowlevel_ops, releasedir); OFF(fuse_lowlevel_ops, fsyncdir);
    OFF(fuse_lowlevel_ops, statfs); OFF(fuse_lowlevel_ops, setxattr); OFF(fuse_lowlevel_ops, getxattr);
    OFF(fuse_lowlevel_ops, listxattr); OFF(fuse_lowlevel_ops, removexattr); OFF(fuse_lowlevel_ops, access);
    OFF(fuse_lowlevel_ops, create); OFF(fuse_lowlevel_ops, getlk); OFF(fuse_lowlevel_ops, setlk);
    OFF(fuse_lowlevel_ops, bmap); OFF(fuse_lowlevel_ops, ioctl); OFF(fuse_lowlevel_ops, poll);
    OFF(fuse_lowlevel_ops, write_buf); OFF(fuse_lowlevel_ops, retrieve_reply);
    OFF(fuse_lowlevel_ops, forget_multi); OFF(fuse_lowlevel_ops, flock); OFF(fuse_lowlevel_ops, fallocate);
    OFF(fuse_lowlevel_ops, readdirplus); OFF(fuse_lowlevel_ops, copy_file_range); OFF(fuse_lowlevel_ops, lseek);

    SZ(fuse_entry_param);
    OFF(fuse_entry_param, ino); OFF(fuse_entry_param, generation); OFF(fuse_entry_param, attr);
    OFF(fuse_entry_param, attr_timeout); OFF(fuse_entry_param, entry_timeout);

    SZ(fuse_file_info);
    OFF(fuse_file_info, flags); OFF(fuse_file_info, fh); OFF(fuse_file_info, lock_owner);
    OFF(fuse_file_info, poll_events);
    bit("writepage", set_writepage); bit("direct_io", set_direct_io); bit("keep_cache", set_keep_cache);
    bit("flush", set_flush); bit("nonseekable", set_nonseekable); bit("flock_release", set_flock_release);
    bit("cache_readdir", set_cache_readdir); bit("noflush", set_noflush);
#ifdef VEXFS_HAVE_PARALLEL_DIRECT_WRITES
    bit("parallel_direct_writes", set_parallel_direct_writes);
#else
    printf("bit.fuse_file_info.parallel_direct_writes none\n");
#endif
#if FUSE_VERSION >= 317
    /* 3.17 grew the struct: passthrough's backing_id, compat_flags, reserved */
    OFF(fuse_file_info, backing_id); OFF(fuse_file_info, compat_flags); OFF(fuse_file_info, reserved);
#endif

    SZ(fuse_conn_info);
    OFF(fuse_conn_info, proto_major); OFF(fuse_conn_info, proto_minor); OFF(fuse_conn_info, max_write);
    OFF(fuse_conn_info, max_read); OFF(fuse_conn_info, max_readahead); OFF(fuse_conn_info, capable);
    OFF(fuse_conn_info, want); OFF(fuse_conn_info, max_background); OFF(fuse_conn_info, congestion_threshold);
    OFF(fuse_conn_info, time_gran); OFF(fuse_conn_info, reserved);
#if FUSE_VERSION >= 317
    OFF(fuse_conn_info, max_backing_stack_depth); OFF(fuse_conn_info, capable_ext); OFF(fuse_conn_info, want_ext);
    SZ(libfuse_version);
    OFF(libfuse_version, major); OFF(libfuse_version, minor); OFF(libfuse_version, hotfix);
    OFF(libfuse_version, padding);
#endif

    SZ(fuse_buf);
    OFF(fuse_buf, size); OFF(fuse_buf, flags); OFF(fuse_buf, mem); OFF(fuse_buf, fd); OFF(fuse_buf, pos);
#if FUSE_VERSION >= 317
    OFF(fuse_buf, mem_size);
#endif
    SZ(fuse_bufvec);
    OFF(fuse_bufvec, count); OFF(fuse_bufvec, idx); OFF(fuse_bufvec, off); OFF(fuse_bufvec, buf);
    SZ(fuse_ctx);
    OFF(fuse_ctx, uid); OFF(fuse_ctx, gid); OFF(fuse_ctx, pid); OFF(fuse_ctx, umask);
    SZ(fuse_forget_data);
    OFF(fuse_forget_data, ino); OFF(fuse_forget_data, nlookup);
    SZ(fuse_args);
    OFF(fuse_args, argc); OFF(fuse_args, argv); OFF(fuse_args, allocated);

    SZ(stat);
    OFF(stat, st_dev); OFF(stat, st_ino); OFF(stat, st_nlink); OFF(stat, st_mode); OFF(stat, st_uid);
    OFF(stat, st_gid); OFF(stat, st_rdev); OFF(stat, st_size); OFF(stat, st_blksize); OFF(stat, st_blocks);
    OFF(stat, st_atim); OFF(stat, st_mtim); OFF(stat, st_ctim);
    OFF(stat, __pad0); OFF(stat, __glibc_reserved);
    SZ(timespec);
    OFF(timespec, tv_sec); OFF(timespec, tv_nsec);
    SZ(statvfs);
    OFF(statvfs, f_bsize); OFF(statvfs, f_frsize); OFF(statvfs, f_blocks); OFF(statvfs, f_bfree);
    OFF(statvfs, f_bavail); OFF(statvfs, f_files); OFF(statvfs, f_ffree); OFF(statvfs, f_favail);
    OFF(statvfs, f_fsid); OFF(statvfs, f_flag); OFF(statvfs, f_namemax); OFF(statvfs, __f_spare);
    SZ(flock);
    OFF(flock, l_type); OFF(flock, l_whence); OFF(flock, l_start); OFF(flock, l_len); OFF(flock, l_pid);
    SZ(iovec);
    OFF(iovec, iov_base); OFF(iovec, iov_len);
    SZ(dirent64);
    OFF(dirent64, d_ino); OFF(dirent64, d_off); OFF(dirent64, d_reclen); OFF(dirent64, d_type); OFF(dirent64, d_name);

    /* libfuse constants */
    C(FUSE_ROOT_ID);
    C(FUSE_SET_ATTR_MODE); C(FUSE_SET_ATTR_UID); C(FUSE_SET_ATTR_GID); C(FUSE_SET_ATTR_SIZE);
    C(FUSE_SET_ATTR_ATIME); C(FUSE_SET_ATTR_MTIME); C(FUSE_SET_ATTR_ATIME_NOW); C(FUSE_SET_ATTR_MTIME_NOW);
    C(FUSE_SET_ATTR_CTIME); C(FUSE_SET_ATTR_KILL_SUID);
    C(FUSE_CAP_ASYNC_READ); C(FUSE_CAP_POSIX_LOCKS); C(FUSE_CAP_ATOMIC_O_TRUNC); C(FUSE_CAP_EXPORT_SUPPORT);
    C(FUSE_CAP_DONT_MASK); C(FUSE_CAP_SPLICE_WRITE); C(FUSE_CAP_SPLICE_MOVE); C(FUSE_CAP_SPLICE_READ);
    C(FUSE_CAP_FLOCK_LOCKS); C(FUSE_CAP_IOCTL_DIR); C(FUSE_CAP_AUTO_INVAL_DATA); C(FUSE_CAP_READDIRPLUS);
    C(FUSE_CAP_READDIRPLUS_AUTO); C(FUSE_CAP_ASYNC_DIO); C(FUSE_CAP_WRITEBACK_CACHE);
    C(FUSE_CAP_NO_OPEN_SUPPORT); C(FUSE_CAP_PARALLEL_DIROPS); C(FUSE_CAP_POSIX_ACL);
    C(FUSE_CAP_HANDLE_KILLPRIV); C(FUSE_CAP_CACHE_SYMLINKS); C(FUSE_CAP_NO_OPENDIR_SUPPORT);
    C(FUSE_CAP_EXPLICIT_INVAL_DATA);
    C(FUSE_BUF_IS_FD); C(FUSE_BUF_FD_SEEK); C(FUSE_BUF_FD_RETRY);
    C(FUSE_BUF_SPLICE_MOVE); C(FUSE_BUF_SPLICE_NONBLOCK); C(FUSE_BUF_NO_SPLICE); C(FUSE_BUF_FORCE_SPLICE);

#if FUSE_VERSION >= 317
    /* libfuse 3.17 constants (constants_317_h) */
    C(FUSE_CAP_PASSTHROUGH); C(FUSE_BACKING_STACKED_UNDER); C(FUSE_BACKING_STACKED_OVER);
    C(FUSE_CAP_HANDLE_KILLPRIV_V2);
#endif

    /* libc constants */
    C(O_RDONLY); C(O_WRONLY); C(O_RDWR); C(O_ACCMODE); C(O_CREAT); C(O_EXCL); C(O_NOCTTY); C(O_TRUNC);
    C(O_APPEND); C(O_NONBLOCK); C(O_DIRECTORY); C(O_NOFOLLOW); C(O_CLOEXEC); C(O_DIRECT); C(O_NOATIME);
    C(O_PATH); C(O_SYNC); C(O_DSYNC); C(O_LARGEFILE); C(O_TMPFILE);
    C(AT_FDCWD); C(AT_EMPTY_PATH); C(AT_SYMLINK_NOFOLLOW); C(AT_SYMLINK_FOLLOW); C(AT_REMOVEDIR);
    C(AT_EACCESS); C(MAX_HANDLE_SZ);
    C(RENAME_NOREPLACE); C(RENAME_EXCHANGE); C(RENAME_WHITEOUT);
    C(UTIME_NOW); C(UTIME_OMIT);
    C(XATTR_CREATE); C(XATTR_REPLACE);
    C(S_IFMT); C(S_IFREG); C(S_IFDIR); C(S_IFLNK); C(S_IFCHR); C(S_IFBLK); C(S_IFIFO); C(S_IFSOCK);
    C(SEEK_SET); C(SEEK_CUR); C(SEEK_END); C(SEEK_DATA); C(SEEK_HOLE);
    C(F_GETLK); C(F_SETLK); C(F_SETLKW); C(F_OFD_GETLK); C(F_OFD_SETLK); C(F_OFD_SETLKW);
    C(F_RDLCK); C(F_WRLCK); C(F_UNLCK); C(F_GETFL); C(F_SETFL);
    C(LOCK_SH); C(LOCK_EX); C(LOCK_NB); C(LOCK_UN);
    C(F_OK); C(R_OK); C(W_OK); C(X_OK);
    C(FALLOC_FL_KEEP_SIZE); C(FALLOC_FL_PUNCH_HOLE); C(FALLOC_FL_ZERO_RANGE);
    C(DT_UNKNOWN); C(DT_DIR); C(DT_REG); C(DT_LNK);
    C(SIGINT); C(SIGTERM); C(SIGHUP); C(SIGPIPE);
    C(EPERM); C(ENOENT); C(ESRCH); C(EINTR); C(EIO); C(ENXIO); C(E2BIG); C(EBADF); C(EAGAIN); C(ENOMEM);
    C(EACCES); C(EFAULT); C(EBUSY); C(EEXIST); C(EXDEV); C(ENODEV); C(ENOTDIR); C(EISDIR); C(EINVAL);
    C(ENFILE); C(EMFILE); C(EFBIG); C(ENOSPC); C(ESPIPE); C(EROFS); C(EMLINK); C(ERANGE); C(ENAMETOOLONG);
    C(ENOSYS); C(ENOTEMPTY); C(ELOOP); C(ENODATA); C(ENOTSUP); C(EOPNOTSUPP); C(EDQUOT); C(ENOTCONN);
    C(EOVERFLOW); C(ESTALE); C(ETXTBSY); C(EDEADLK); C(ENOLCK); C(ECANCELED); C(E2BIG); C(EWOULDBLOCK);
    return 0;
}
