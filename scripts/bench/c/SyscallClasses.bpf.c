#include "common.h"

/* the twin of bench/.../SyscallClasses.java */
struct { __uint(type, BPF_MAP_TYPE_ARRAY); __uint(max_entries, 5); __type(key, __u32); __type(value, __u64); } classes SEC(".maps");

SEC("tracepoint/raw_syscalls/sys_enter")
long enter(struct syscall_enter *ctx)
{
	__u32 c;
	switch ((int)ctx->nr) {
	case 0: case 17: case 19: c = 0; break;
	case 1: case 18: case 20: c = 1; break;
	case 2: case 257: c = 2; break;
	case 3: c = 3; break;
	default: c = 4;
	}
	__u64 *n = bpf_map_lookup_elem(&classes, &c);
	if (n)
		__sync_fetch_and_add(n, 1);
	return 0;
}
