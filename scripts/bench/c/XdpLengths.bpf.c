#include "common.h"

/* the twin of bench/.../XdpLengths.java */
struct { __uint(type, BPF_MAP_TYPE_ARRAY); __uint(max_entries, 2); __type(key, __u32); __type(value, __u64); } packets SEC(".maps");

SEC("xdp")
int count(struct xdp_md *ctx)
{
	int len = ctx->data_end - ctx->data;
	if (len < 14)
		return XDP_DROP;
	__u32 k = 0;
	__u64 *n = bpf_map_lookup_elem(&packets, &k);
	if (n)
		__sync_fetch_and_add(n, 1);
	k = 1;
	__u64 *b = bpf_map_lookup_elem(&packets, &k);
	if (b)
		__sync_fetch_and_add(b, len);
	return XDP_PASS;
}
