/* Client of `scripts/bench ingest` (built to a temp dir, never installed).
 *   ingest create DIR N           creates DIR/dNNN/fNNNNNN (1000 files per directory), empty
 *   ingest set NAME DIM DIR START COUNT [LATFILE]
 *                                 setxattr(NAME, 4*DIM bytes of float32) on files START..START+COUNT-1
 *                                 prints: "<count> <seconds> <p50_us> <p99_us>"; LATFILE gets every call's µs"
 * The value of file i is a deterministic pseudo-random vector (so every file's differs). */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/xattr.h>
#include <time.h>
#include <unistd.h>

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static int cmp(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static void path_of(char *out, size_t n, const char *dir, long i) {
    snprintf(out, n, "%s/d%03ld/f%06ld", dir, i / 1000, i);
}

int main(int argc, char **argv) {
    char p[4096];
    if (argc == 4 && strcmp(argv[1], "create") == 0) {
        long n = atol(argv[3]);
        for (long i = 0; i < n; i++) {
            if (i % 1000 == 0) {
                snprintf(p, sizeof p, "%s/d%03ld", argv[2], i / 1000);
                if (mkdir(p, 0755) != 0 && errno != EEXIST) { perror(p); return 1; }
            }
            path_of(p, sizeof p, argv[2], i);
            int fd = open(p, O_CREAT | O_WRONLY | O_CLOEXEC, 0644);
            if (fd < 0) { perror(p); return 1; }
            close(fd);
        }
        return 0;
    }
    if ((argc != 7 && argc != 8) || strcmp(argv[1], "set") != 0) {
        fprintf(stderr, "usage: ingest create DIR N | ingest set NAME DIM DIR START COUNT [LATFILE]\n");
        return 2;
    }
    const char *name = argv[2], *dir = argv[4];
    int dim = atoi(argv[3]);
    long start = atol(argv[5]), count = atol(argv[6]);
    float *v = malloc(sizeof(float) * dim);
    double *lat = malloc(sizeof(double) * (count > 0 ? count : 1));
    double t0 = now();
    for (long k = 0; k < count; k++) {
        long i = start + k;
        uint64_t s = 0x9E3779B97F4A7C15ull * (uint64_t)(i + 1);
        for (int j = 0; j < dim; j++) {
            s ^= s << 13; s ^= s >> 7; s ^= s << 17;
            v[j] = (float)((s >> 40) / (double)(1 << 24)) - 0.5f;
        }
        path_of(p, sizeof p, dir, i);
        double a = now();
        if (setxattr(p, name, v, sizeof(float) * dim, 0) != 0) { perror(p); return 1; }
        lat[k] = now() - a;
    }
    double secs = now() - t0;
    if (argc == 8) {
        FILE *f = fopen(argv[7], "w");
        if (!f) { perror(argv[7]); return 1; }
        for (long k = 0; k < count; k++) fprintf(f, "%.1f\n", lat[k] * 1e6);
        fclose(f);
    }
    qsort(lat, count, sizeof(double), cmp);
    printf("%ld %.3f %.0f %.0f\n", count, secs, count ? lat[count / 2] * 1e6 : 0.0,
           count ? lat[(long)(count * 0.99)] * 1e6 : 0.0);
    return 0;
}
