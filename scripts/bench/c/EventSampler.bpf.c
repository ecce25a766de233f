#include "common.h"

struct { __uint(type, BPF_MAP_TYPE_LRU_HASH); __uint(max_entries, 1024); __type(key, __u32); __type(value, __u64); } counter SEC(".maps");
struct { __uint(type, BPF_MAP_TYPE_HASH); __uint(max_entries, 1024); __type(key, __u32); __type(value, __u64); } sampled SEC(".maps");
JBPF_MAP_DROPS(1);

SEC("tracepoint/syscalls/sys_enter_getpid")
long sample(void *ctx)
{
	__u32 key = bpf_get_current_pid_tgid() >> 32;
	__u64 *count = bpf_map_lookup_elem(&counter, &key);
	__u64 next = count ? *count + 1 : 1;
	bpf_map_update_elem(&counter, &key, &next, BPF_ANY);
	if (next % 100 == 0) {
		__u64 *s = bpf_map_lookup_elem(&sampled, &key);
		__u64 v = s ? *s + 1 : 1;
		COUNTED(0, bpf_map_update_elem(&sampled, &key, &v, BPF_ANY));
	}
	return 0;
}
