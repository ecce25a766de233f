#include "common.h"

struct { __uint(type, BPF_MAP_TYPE_HASH); __uint(max_entries, 4096); __type(key, __u32); __type(value, __u64); } processCount SEC(".maps");
JBPF_MAP_DROPS(1);

SEC("tracepoint/syscalls/sys_enter_clone")
long countProcesses(void *ctx)
{
	__u32 pid = bpf_get_current_pid_tgid() >> 32;
	__u64 *count = bpf_map_lookup_elem(&processCount, &pid);
	if (count) {
		__u64 next = *count + 1;
		COUNTED(0, bpf_map_update_elem(&processCount, &pid, &next, BPF_ANY));
	} else {
		__u64 one = 1;
		COUNTED(0, bpf_map_update_elem(&processCount, &pid, &one, BPF_ANY));
	}
	return 0;
}
