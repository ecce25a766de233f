/* SyscallIncrement.bpf.c with what jbpf's increment also does: when another CPU inserts the key between the lookup
 * and the insert, look it up again and add, so no count is lost. Compiled for the code size comparison only. */
#include <linux/types.h>
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

char LICENSE[] SEC("license") = "GPL";

struct { __uint(type, BPF_MAP_TYPE_HASH); __uint(max_entries, 4096); __type(key, __u32); __type(value, __u64); } counts SEC(".maps");

SEC("tracepoint/syscalls/sys_enter_getppid")
long countCalls(void *ctx)
{
	__u32 pid = bpf_get_current_pid_tgid() >> 32;
	__u64 *count = bpf_map_lookup_elem(&counts, &pid);
	if (count) {
		__sync_fetch_and_add(count, 1);
		return 0;
	}
	__u64 one = 1;
	if (bpf_map_update_elem(&counts, &pid, &one, BPF_NOEXIST) == -17) {
		count = bpf_map_lookup_elem(&counts, &pid);
		if (count)
			__sync_fetch_and_add(count, 1);
	}
	return 0;
}
