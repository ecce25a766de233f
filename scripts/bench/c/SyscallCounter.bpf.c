#include "common.h"

/* Twin of the benchmark's Java probe: count getppid() calls per process. */
struct { __uint(type, BPF_MAP_TYPE_HASH); __uint(max_entries, 4096); __type(key, __u32); __type(value, __u64); } counts SEC(".maps");
JBPF_MAP_DROPS(1);

SEC("tracepoint/syscalls/sys_enter_getppid")
long countCalls(void *ctx)
{
	__u32 pid = bpf_get_current_pid_tgid() >> 32;
	__u64 *count = bpf_map_lookup_elem(&counts, &pid);
	if (count) {
		__u64 next = *count + 1;
		COUNTED(0, bpf_map_update_elem(&counts, &pid, &next, BPF_ANY));
	} else {
		__u64 one = 1;
		COUNTED(0, bpf_map_update_elem(&counts, &pid, &one, BPF_ANY));
	}
	return 0;
}
