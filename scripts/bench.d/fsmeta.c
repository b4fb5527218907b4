/*
 * Metadata and getattr round-trip micro-benchmarks for scripts/bench fs.
 * Compiled at run time (gcc -O2) into a temp dir; not part of the Java build.
 *
 *   fsmeta meta DIR N [DELAY]  create / stat / readdir / rename / unlink of N empty files in one
 *                              fresh directory DIR/meta.<pid>; prints "<phase> <ops per second>".
 *                              readdir is reported as entries/s over 5 full passes.
 *                              Sleeps DELAY seconds (default 0) before the stat phase: a delay
 *                              longer than the mount's entry/attr timeout makes every stat a real
 *                              LOOKUP round trip instead of a mix of cache hits and misses that
 *                              depends on how fast create ran.
 *   fsmeta getattr FILE SECS [fstat|force]
 *                              loops for SECS seconds on one open file and prints
 *                              "getattr <ops per second>".
 *                              fstat: plain fstat(); reaches the daemon only if the mount's
 *                                     attr_timeout is 0 (otherwise the kernel answers from cache).
 *                              force: statx(fd, "", AT_EMPTY_PATH|AT_STATX_FORCE_SYNC), which makes
 *                                     FUSE send GETATTR whatever the timeouts (default).
 * Every syscall's result is checked: a failing filesystem must not look fast.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void die(const char *what, const char *path)
{
	fprintf(stderr, "fsmeta: %s %s: %s\n", what, path, strerror(errno));
	exit(1);
}

static void report(const char *phase, long ops, double t0)
{
	double dt = now() - t0;
	printf("%s %.0f\n", phase, ops / (dt > 0 ? dt : 1e-9));
	fflush(stdout);
}

static int meta(const char *base, long n, double delay)
{
	char dir[4096], path[4200], path2[4200];
	struct stat st;
	long i;
	double t0;

	snprintf(dir, sizeof dir, "%s/meta.%d", base, (int)getpid());
	if (mkdir(dir, 0755) != 0)
		die("mkdir", dir);

	t0 = now();
	for (i = 0; i < n; i++) {
		snprintf(path, sizeof path, "%s/f%07ld", dir, i);
		int fd = open(path, O_CREAT | O_EXCL | O_WRONLY, 0644);
		if (fd < 0)
			die("create", path);
		if (close(fd) != 0)
			die("close", path);
	}
	report("create", n, t0);

	if (delay > 0) {
		struct timespec ts = { (time_t)delay, (long)((delay - (time_t)delay) * 1e9) };
		nanosleep(&ts, NULL);
	}

	t0 = now();
	for (i = 0; i < n; i++) {
		snprintf(path, sizeof path, "%s/f%07ld", dir, i);
		if (stat(path, &st) != 0)
			die("stat", path);
	}
	report("stat", n, t0);

	long entries = 0;
	t0 = now();
	for (int pass = 0; pass < 5; pass++) {
		long seen = 0;
		DIR *d = opendir(dir);
		struct dirent *e;
		if (!d)
			die("opendir", dir);
		errno = 0;
		while ((e = readdir(d)) != NULL)
			seen++;
		if (errno != 0)
			die("readdir", dir);
		closedir(d);
		if (seen != n + 2) {
			fprintf(stderr, "fsmeta: readdir saw %ld entries, expected %ld\n", seen, n + 2);
			return 1;
		}
		entries += seen;
	}
	report("readdir", entries, t0);

	t0 = now();
	for (i = 0; i < n; i++) {
		snprintf(path, sizeof path, "%s/f%07ld", dir, i);
		snprintf(path2, sizeof path2, "%s/r%07ld", dir, i);
		if (rename(path, path2) != 0)
			die("rename", path);
	}
	report("rename", n, t0);

	t0 = now();
	for (i = 0; i < n; i++) {
		snprintf(path2, sizeof path2, "%s/r%07ld", dir, i);
		if (unlink(path2) != 0)
			die("unlink", path2);
	}
	report("unlink", n, t0);

	if (rmdir(dir) != 0)
		die("rmdir", dir);
	return 0;
}

static int getattr(const char *file, double secs, int force)
{
	int fd = open(file, O_RDONLY);
	long ops = 0;
	double t0, end;

	if (fd < 0)
		die("open", file);
	t0 = now();
	end = t0 + secs;
	for (;;) {
		for (int k = 0; k < 256; k++) {
			int r;
			if (force) {
				struct statx stx;
				r = statx(fd, "", AT_EMPTY_PATH | AT_STATX_FORCE_SYNC, STATX_BASIC_STATS, &stx);
			} else {
				struct stat st;
				r = fstat(fd, &st);
			}
			if (r != 0)
				die("getattr", file);
		}
		ops += 256;
		if (now() >= end)
			break;
	}
	report("getattr", ops, t0);
	close(fd);
	return 0;
}

int main(int argc, char **argv)
{
	if ((argc == 4 || argc == 5) && strcmp(argv[1], "meta") == 0)
		return meta(argv[2], atol(argv[3]), argc == 5 ? atof(argv[4]) : 0);
	if ((argc == 4 || argc == 5) && strcmp(argv[1], "getattr") == 0)
		return getattr(argv[2], atof(argv[3]), argc == 4 || strcmp(argv[4], "force") == 0);
	fprintf(stderr, "usage: fsmeta meta DIR N [DELAY] | fsmeta getattr FILE SECS [fstat|force]\n");
	return 2;
}
