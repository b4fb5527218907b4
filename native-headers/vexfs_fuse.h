/*
 * The header VexFS's FFM bindings (bindings/vexfs/bindings) are generated from.
 * scripts/regen-bindings runs jextract on this file; native-headers/abi_probe.c checks every size,
 * offset and constant the (hand-written, jextract-shaped) bindings hard-code.
 */
#ifndef VEXFS_FUSE_H
#define VEXFS_FUSE_H

#ifndef FUSE_USE_VERSION
#define FUSE_USE_VERSION 314
#endif
#define _GNU_SOURCE
#define _FILE_OFFSET_BITS 64

#include <fuse_lowlevel.h>
#include <fuse_opt.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <sys/xattr.h>
#include <time.h>
#include <unistd.h>
#include <signal.h>
#include <linux/falloc.h>

#endif
