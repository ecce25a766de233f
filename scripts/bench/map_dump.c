// The C side of the map dump benchmark (Bench map-dump): reads every entry of a pinned hash map of u32 keys and u64
// values with bpf_map_lookup_batch, 256 entries per call, into arrays it allocates once, as a C program would.
// Prints, per round, the entries read, entries per second and entries per second of the process's CPU time.
#include <bpf/bpf.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define CHUNK 256

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

/* CPU seconds this process has used, in user space and in the kernel: a round's cost that a busy machine does not stretch. */
static double cpu(void) {
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: %s <pinned map> <rounds>\n", argv[0]);
        return 2;
    }
    int map = bpf_obj_get(argv[1]), rounds = atoi(argv[2]);
    if (map < 0) {
        perror("bpf_obj_get");
        return 1;
    }
    unsigned int keys[CHUNK];
    unsigned long long values[CHUNK], sum = 0;
    for (int r = 0; r < rounds; r++) {
        double t0 = now(), c0 = cpu();
        long total = 0;
        unsigned int token = 0;
        void *in = NULL;
        for (;;) {
            __u32 count = CHUNK;
            int err = bpf_map_lookup_batch(map, in, &token, keys, values, &count, NULL);
            for (__u32 i = 0; i < count; i++) sum += keys[i] + values[i];
            total += count;
            if (err) {
                if (errno == ENOENT) break;
                perror("bpf_map_lookup_batch");
                return 1;
            }
            in = &token;
        }
        double t1 = now();
        printf("%ld %.1f %.1f\n", total, total / (t1 - t0), total / (cpu() - c0));
    }
    fprintf(stderr, "checksum %llu\n", sum);
    return 0;
}
