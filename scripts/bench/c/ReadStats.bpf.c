#include "common.h"

/* the twin of bench/.../ReadStats.java */
struct stats { __u64 calls; __u64 bytes; __u64 errors; };
struct { __uint(type, BPF_MAP_TYPE_ARRAY); __uint(max_entries, 1); __type(key, __u32); __type(value, struct stats); } stats SEC(".maps");

SEC("tracepoint/syscalls/sys_exit_read")
long exitRead(struct syscall_exit *ctx)
{
	__s64 n = ctx->ret;
	__u32 zero = 0;
	struct stats *s = bpf_map_lookup_elem(&stats, &zero);
	if (!s)
		return 0;
	__sync_fetch_and_add(&s->calls, 1);
	if (n < 0)
		__sync_fetch_and_add(&s->errors, 1);
	else
		__sync_fetch_and_add(&s->bytes, n);
	return 0;
}
