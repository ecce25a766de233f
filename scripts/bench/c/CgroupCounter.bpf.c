#include "common.h"

#define EEXIST 17

/* the twin of bench/.../CgroupCounter.java: lookup, atomic add, insert-if-absent and one retry after a lost race */
struct { __uint(type, BPF_MAP_TYPE_HASH); __uint(max_entries, 1024); __type(key, __u64); __type(value, __u64); } connects SEC(".maps");
JBPF_MAP_DROPS(1);

SEC("tracepoint/syscalls/sys_enter_connect")
long enterConnect(void *ctx)
{
	__u64 id = bpf_get_current_cgroup_id();
	__u64 *count = bpf_map_lookup_elem(&connects, &id);
	if (!count) {
		__u64 one = 1;
		if (COUNTED(0, bpf_map_update_elem(&connects, &id, &one, BPF_NOEXIST)) != -EEXIST)
			return 0;
		count = bpf_map_lookup_elem(&connects, &id);
		if (!count)
			return 0;
	}
	__sync_fetch_and_add(count, 1);
	return 0;
}
