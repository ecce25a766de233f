// The second C anchor of the map dump benchmark (Bench map-dump): loads map_dump_foreach.bpf.o once with the pinned
// u32 -> u64 map in place of its `src` map, maps its output array, then per round runs the program once
// (BPF_PROG_TEST_RUN) and sums the records it copied, in place. Prints, per round, the entries read, entries per
// second and entries per second of CPU time, as map_dump.c does.
#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

struct record {
    unsigned int key, pad;
    unsigned long long value;
};

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
    if (argc != 4) {
        fprintf(stderr, "usage: %s <map_dump_foreach.bpf.o> <pinned map> <rounds>\n", argv[0]);
        return 2;
    }
    int map = bpf_obj_get(argv[2]), rounds = atoi(argv[3]);
    if (map < 0) {
        perror("bpf_obj_get");
        return 1;
    }
    struct bpf_map_info info = {0};
    __u32 len = sizeof info;
    if (bpf_obj_get_info_by_fd(map, &info, &len)) {
        perror("bpf_obj_get_info_by_fd");
        return 1;
    }
    struct bpf_object *obj = bpf_object__open_file(argv[1], NULL);
    if (!obj) {
        perror("bpf_object__open_file");
        return 1;
    }
    struct bpf_map *src = bpf_object__find_map_by_name(obj, "src"), *out = bpf_object__find_map_by_name(obj, "out");
    if (bpf_map__reuse_fd(src, map) || bpf_map__set_max_entries(out, info.max_entries) || bpf_object__load(obj)) {
        fprintf(stderr, "loading %s failed: %d\n", argv[1], errno);
        return 1;
    }
    int prog = bpf_program__fd(bpf_object__find_program_by_name(obj, "dump"));
    size_t page = sysconf(_SC_PAGESIZE), size = (sizeof(struct record) * info.max_entries + page - 1) / page * page;
    const struct record *records = mmap(NULL, size, PROT_READ, MAP_SHARED, bpf_map__fd(out), 0);
    if (records == MAP_FAILED) {
        perror("mmap");
        return 1;
    }
    unsigned long long sum = 0;
    for (int r = 0; r < rounds; r++) {
        LIBBPF_OPTS(bpf_test_run_opts, run);
        double t0 = now(), c0 = cpu();
        if (bpf_prog_test_run_opts(prog, &run)) {
            perror("bpf_prog_test_run_opts");
            return 1;
        }
        for (__u32 i = 0; i < run.retval; i++) sum += records[i].key + records[i].value;
        double t1 = now();
        printf("%u %.1f %.1f\n", run.retval, run.retval / (t1 - t0), run.retval / (cpu() - c0));
    }
    fprintf(stderr, "checksum %llu\n", sum);
    return 0;
}
