// The C side of scripts/bench-ringbuf: drains the benchmark's pinned ring buffer with libbpf's ring_buffer API.
// Each round fills the ring by running the pinned producer program with BPF_PROG_TEST_RUN, then times one
// ring_buffer__consume() call that hands every record to a callback reading its sequence number. A round is made of
// one such fill and drain per size given, in order, as the Java side's rounds are.
#define _GNU_SOURCE
#include <bpf/bpf.h>
#include <sched.h>
#include <sys/resource.h>
#include <bpf/libbpf.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static long long seq_sum;

static int on_record(void *ctx, void *data, size_t size) {
    (void) ctx;
    (void) size;
    seq_sum += *(const long long *) data;
    return 0;
}

/** Minor page faults of this thread so far. */
static long faults(void) {
    struct rusage u;
    getrusage(RUSAGE_THREAD, &u);
    return u.ru_minflt;
}

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);  // CPU time of this thread: other load on the machine is not counted
    return t.tv_sec + t.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
    if (argc < 5) {
        fprintf(stderr, "usage: %s <pinned ring map> <pinned producer program> <rounds> <records per drain>...\n", argv[0]);
        return 2;
    }
    int map = bpf_obj_get(argv[1]), prog = bpf_obj_get(argv[2]);
    int rounds = atoi(argv[3]);
    if (map < 0 || prog < 0) {
        perror("bpf_obj_get");
        return 1;
    }
    struct ring_buffer *rb = ring_buffer__new(map, on_record, NULL, NULL);
    if (!rb) {
        perror("ring_buffer__new");
        return 1;
    }
    ring_buffer__consume(rb);  // whatever an earlier reader left behind
    char packet[64] = {0};
    for (int r = 0; r < rounds * (argc - 4); r++) {
        int count = atoi(argv[4 + r % (argc - 4)]);
        LIBBPF_OPTS(bpf_test_run_opts, opts, .data_in = packet, .data_size_in = sizeof(packet), .repeat = count);
        int fillCpu = sched_getcpu();
        if (bpf_prog_test_run_opts(prog, &opts)) {
            perror("bpf_prog_test_run_opts");
            return 1;
        }
        int startCpu = sched_getcpu();
        long f0 = faults();
        double t0 = now();
        int n = ring_buffer__consume(rb);
        double t1 = now();
        long f1 = faults();
        // after the count and rate: the CPU of the fill, of the drain's start and end, page faults while draining
        printf("%d %.1f %d %d %d %ld\n", n, n / (t1 - t0), fillCpu, startCpu, sched_getcpu(), f1 - f0);
    }
    fprintf(stderr, "checksum %lld\n", seq_sum);
    ring_buffer__free(rb);
    return 0;
}
