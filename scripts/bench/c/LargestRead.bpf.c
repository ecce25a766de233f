#include "common.h"

/* the twin of bench/.../LargestRead.java */
struct { __uint(type, BPF_MAP_TYPE_ARRAY); __uint(max_entries, 1); __type(key, __u32); __type(value, __s64); } largest SEC(".maps");

SEC("tracepoint/syscalls/sys_exit_read")
long exitRead(struct syscall_exit *ctx)
{
	__s64 n = ctx->ret;
	__u32 zero = 0;
	__s64 *max = bpf_map_lookup_elem(&largest, &zero);
	if (max && n > *max)
		*max = n;
	return 0;
}
