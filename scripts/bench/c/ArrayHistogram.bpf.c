#include "common.h"

/* the twin of bench/.../ArrayHistogram.java, written as a C programmer would */
struct histogram { __u64 count; __u64 sum; __u64 buckets[64]; };

struct { __uint(type, BPF_MAP_TYPE_ARRAY); __uint(max_entries, 1); __type(key, __u32); __type(value, struct histogram); } histogram SEC(".maps");

/* the index of the highest one bit, branch-free as BPF C tools write it (clang 14 hangs on __builtin_clzll for BPF) */
static __always_inline __u32 log2(__u64 v)
{
	__u32 r, s;
	r = (v > 0xffffffff) << 5; v >>= r;
	s = (v > 0xffff) << 4; v >>= s; r |= s;
	s = (v > 0xff) << 3; v >>= s; r |= s;
	s = (v > 0xf) << 2; v >>= s; r |= s;
	s = (v > 0x3) << 1; v >>= s; r |= s;
	return r | (v >> 1);
}

SEC("tracepoint/syscalls/sys_exit_read")
long exitRead(struct syscall_exit *ctx)
{
	__s64 n = ctx->ret;
	if (n <= 0)
		return 0;
	__u32 zero = 0;
	struct histogram *h = bpf_map_lookup_elem(&histogram, &zero);
	if (!h)
		return 0;
	h->count++;
	h->sum += n;
	__u32 b = log2(n);
	if (b < 64)
		h->buckets[b]++;
	return 0;
}
