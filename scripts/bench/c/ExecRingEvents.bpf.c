#include "common.h"

struct event { __u64 timestamp; __u32 pid; char comm[16]; };
struct { __uint(type, BPF_MAP_TYPE_RINGBUF); __uint(max_entries, 1 << 16); } events SEC(".maps");
/* what jbpf adds to every probe with a ring buffer: a per-CPU count of the records the full ring refused */
struct { __uint(type, BPF_MAP_TYPE_PERCPU_ARRAY); __uint(max_entries, 1); __type(key, __u32); __type(value, __u64); } drops SEC(".maps");

SEC("tracepoint/syscalls/sys_enter_execve")
long logExec(void *ctx)
{
	struct event *e = bpf_ringbuf_reserve(&events, sizeof(*e), 0);
	if (!e) {
		__u32 slot = 0;
		__u64 *n = bpf_map_lookup_elem(&drops, &slot);
		if (n)
			__sync_fetch_and_add(n, 1);
		return 0;
	}
	e->timestamp = bpf_ktime_get_ns();
	e->pid = bpf_get_current_pid_tgid() >> 32;
	bpf_get_current_comm(e->comm, sizeof(e->comm));
	bpf_ringbuf_submit(e, 0);
	return 0;
}
