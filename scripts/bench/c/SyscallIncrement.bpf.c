#include "common.h"

#define EEXIST 17

/* the twin of bench/.../SyscallIncrement.java: lookup, atomic add, insert-if-absent and one retry after a lost race */
struct { __uint(type, BPF_MAP_TYPE_HASH); __uint(max_entries, 4096); __type(key, __u32); __type(value, __u64); } counts SEC(".maps");
JBPF_MAP_DROPS(1);

SEC("tracepoint/syscalls/sys_enter_getppid")
long countCalls(void *ctx)
{
	__u32 pid = bpf_get_current_pid_tgid() >> 32;
	__u64 *count = bpf_map_lookup_elem(&counts, &pid);
	if (!count) {
		__u64 one = 1;
		if (COUNTED(0, bpf_map_update_elem(&counts, &pid, &one, BPF_NOEXIST)) != -EEXIST)
			return 0;
		count = bpf_map_lookup_elem(&counts, &pid);
		if (!count)
			return 0;
	}
	__sync_fetch_and_add(count, 1);
	return 0;
}
