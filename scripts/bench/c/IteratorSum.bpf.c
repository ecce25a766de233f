#include "common.h"

/* Twin of the benchmark's Java probe IteratorSum: a numeric iterator loop over 100,000 numbers, as bpf_for writes it. */
struct bpf_iter_num { __u64 __opaque[1]; } __attribute__((aligned(8)));

extern int bpf_iter_num_new(struct bpf_iter_num *it, int start, int end) __ksym;
extern int *bpf_iter_num_next(struct bpf_iter_num *it) __ksym;
extern void bpf_iter_num_destroy(struct bpf_iter_num *it) __ksym;

struct { __uint(type, BPF_MAP_TYPE_ARRAY); __uint(max_entries, 2); __type(key, __u32); __type(value, __u64); } out SEC(".maps");

SEC("xdp")
int sum(void *ctx)
{
	struct bpf_iter_num it;
	__u64 total = 0, count = 0;
	int *v;

	bpf_iter_num_new(&it, 0, 100000);
	while ((v = bpf_iter_num_next(&it))) {
		total += *v;
		count++;
	}
	bpf_iter_num_destroy(&it);
	__u32 k = 0;
	bpf_map_update_elem(&out, &k, &total, BPF_ANY);
	k = 1;
	bpf_map_update_elem(&out, &k, &count, BPF_ANY);
	return XDP_PASS;
}
