#include "common.h"

struct stats { __u64 count; __u64 totalTime; __u64 maxTime; };

struct { __uint(type, BPF_MAP_TYPE_HASH); __uint(max_entries, 10240); __type(key, __u32); __type(value, __u64); } start SEC(".maps");
struct { __uint(type, BPF_MAP_TYPE_HASH); __uint(max_entries, 1024); __type(key, __u32); __type(value, struct stats); } processStats SEC(".maps");
struct { __uint(type, BPF_MAP_TYPE_ARRAY); __uint(max_entries, 64); __type(key, __u32); __type(value, __u64); } histogram SEC(".maps");
JBPF_MAP_DROPS(2);

SEC("tracepoint/syscalls/sys_enter_read")
long enterRead(void *ctx)
{
	__u32 tid = bpf_get_current_pid_tgid();
	__u64 now = bpf_ktime_get_ns();
	COUNTED(0, bpf_map_update_elem(&start, &tid, &now, BPF_ANY));
	return 0;
}

static __always_inline __u32 log2(__u64 v)
{
	__u32 slot = 0;
	for (int i = 0; i < 63 && v > 1; i++) {
		v >>= 1;
		slot++;
	}
	return slot;
}

SEC("tracepoint/syscalls/sys_exit_read")
long exitRead(void *ctx)
{
	__u32 tid = bpf_get_current_pid_tgid();
	__u64 *begin = bpf_map_lookup_elem(&start, &tid);
	if (!begin)
		return 0;
	__u64 latency = bpf_ktime_get_ns() - *begin;
	bpf_map_delete_elem(&start, &tid);

	__u32 pid = bpf_get_current_pid_tgid() >> 32;
	struct stats *s = bpf_map_lookup_elem(&processStats, &pid);
	if (s) {
		s->count = s->count + 1;
		s->totalTime += latency;
		if (latency > s->maxTime)
			s->maxTime = latency;
	} else {
		struct stats fresh = { 1, latency, latency };
		COUNTED(1, bpf_map_update_elem(&processStats, &pid, &fresh, BPF_ANY));
	}
	__u32 slot = log2(latency);
	__u64 *bucket = bpf_map_lookup_elem(&histogram, &slot);
	if (bucket) {
		__u64 next = *bucket + 1;
		bpf_map_update_elem(&histogram, &slot, &next, BPF_ANY);
	}
	return 0;
}
