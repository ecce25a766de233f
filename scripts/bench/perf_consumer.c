// The C side of the perf buffer part of scripts/bench-ringbuf: drains the benchmark's pinned perf event array with
// libbpf's perf_buffer API. Each round runs the pinned producer program with BPF_PROG_TEST_RUN, then times one
// perf_buffer__consume() call handing every sample (from any CPU's buffer) to a callback. A round is one such fill
// and drain per size given, in order, as the Java side's rounds are.
#define _GNU_SOURCE
#include <bpf/bpf.h>
#include <sched.h>
#include <sys/resource.h>
#include <bpf/libbpf.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static long long seq_sum, samples;

static void on_sample(void *ctx, int cpu, void *data, __u32 size) {
    (void) ctx;
    (void) cpu;
    (void) size;
    seq_sum += *(const long long *) data;
    samples++;
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
    if (argc < 6) {
        fprintf(stderr, "usage: %s <pinned perf event array> <pinned producer program> <pages per CPU> <rounds> <samples per drain>...\n", argv[0]);
        return 2;
    }
    int map = bpf_obj_get(argv[1]), prog = bpf_obj_get(argv[2]);
    int pages = atoi(argv[3]), rounds = atoi(argv[4]);
    if (map < 0 || prog < 0) {
        perror("bpf_obj_get");
        return 1;
    }
    struct perf_buffer *pb = perf_buffer__new(map, pages, on_sample, NULL, NULL, NULL);
    if (!pb) {
        perror("perf_buffer__new");
        return 1;
    }
    char packet[64] = {0};
    for (int r = 0; r < rounds * (argc - 5); r++) {
        int count = atoi(argv[5 + r % (argc - 5)]);
        LIBBPF_OPTS(bpf_test_run_opts, opts, .data_in = packet, .data_size_in = sizeof(packet), .repeat = count);
        int fillCpu = sched_getcpu();
        if (bpf_prog_test_run_opts(prog, &opts)) {
            perror("bpf_prog_test_run_opts");
            return 1;
        }
        int startCpu = sched_getcpu();
        long f0 = faults();
        long long before = samples;
        double t0 = now();
        perf_buffer__consume(pb);
        double t1 = now();
        long f1 = faults();
        long long n = samples - before;
        // after the count and rate: the CPU of the fill, of the drain's start and end, page faults while draining
        printf("%lld %.1f %d %d %d %ld\n", n, n / (t1 - t0), fillCpu, startCpu, sched_getcpu(), f1 - f0);
    }
    fprintf(stderr, "checksum %lld\n", seq_sum);
    perf_buffer__free(pb);
    return 0;
}
