#include "common.h"

struct { __uint(type, BPF_MAP_TYPE_HASH); __uint(max_entries, 10240); __type(key, __u32); __type(value, __u64); } opens SEC(".maps");
JBPF_MAP_DROPS(1);

SEC("tracepoint/syscalls/sys_enter_openat")
long trackOpens(void *ctx)
{
	__u32 key = bpf_get_current_pid_tgid() >> 32;
	__u64 *count = bpf_map_lookup_elem(&opens, &key);
	if (count) {
		__u64 next = *count + 1;
		COUNTED(0, bpf_map_update_elem(&opens, &key, &next, BPF_ANY));
	} else {
		__u64 one = 1;
		COUNTED(0, bpf_map_update_elem(&opens, &key, &one, BPF_ANY));
	}
	return 0;
}

SEC("tracepoint/syscalls/sys_enter_close_range")
long cleanup(void *ctx)
{
	__u32 key = bpf_get_current_pid_tgid() >> 32;
	bpf_map_delete_elem(&opens, &key);
	return 0;
}
