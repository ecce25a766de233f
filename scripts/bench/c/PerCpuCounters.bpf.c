#include "common.h"

struct { __uint(type, BPF_MAP_TYPE_PERCPU_ARRAY); __uint(max_entries, 1); __type(key, __u32); __type(value, __u64); } total SEC(".maps");
struct { __uint(type, BPF_MAP_TYPE_PERCPU_HASH); __uint(max_entries, 1024); __type(key, __u32); __type(value, __u64); } perProcess SEC(".maps");
struct { __uint(type, BPF_MAP_TYPE_STACK_TRACE); __uint(max_entries, 1024); __uint(key_size, 4); __uint(value_size, 8 * 127); } stacks SEC(".maps");
struct { __uint(type, BPF_MAP_TYPE_ARRAY); __uint(max_entries, 4); __type(key, __u32); __type(value, __u64); } calls SEC(".maps");
JBPF_MAP_DROPS(1);

SEC("tracepoint/syscalls/sys_enter_getppid")
long onGetppid(void *ctx)
{
	__u32 zero = 0;
	__u64 *t = bpf_map_lookup_elem(&total, &zero);
	if (t) {
		__u64 next = *t + 1;
		bpf_map_update_elem(&total, &zero, &next, BPF_ANY);
	}
	__u32 key = bpf_get_current_pid_tgid() >> 32;
	__u64 *c = bpf_map_lookup_elem(&perProcess, &key);
	__u64 v = c ? *c + 1 : 1;
	COUNTED(0, bpf_map_update_elem(&perProcess, &key, &v, BPF_ANY));

	long id = bpf_get_stackid(ctx, &stacks, BPF_F_USER_STACK);
	__u32 idx = id >= 0 ? 0 : 1;
	__u64 *n = bpf_map_lookup_elem(&calls, &idx);
	if (n) {
		__u64 next = *n + 1;
		bpf_map_update_elem(&calls, &idx, &next, BPF_ANY);
	}
	return 0;
}
