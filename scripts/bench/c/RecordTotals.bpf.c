#include "common.h"

/* the twin of bench/.../RecordTotals.java, written as a C programmer would */
struct key { __u32 pid; __u32 cpu; };
struct totals { __u64 calls; __u64 last_ns; };

struct { __uint(type, BPF_MAP_TYPE_HASH); __uint(max_entries, 4096); __type(key, struct key); __type(value, struct totals); } totals SEC(".maps");
JBPF_MAP_DROPS(1);

SEC("tracepoint/syscalls/sys_enter_write")
long enterWrite(void *ctx)
{
	struct key key = { bpf_get_current_pid_tgid() >> 32, bpf_get_smp_processor_id() };
	struct totals *old = bpf_map_lookup_elem(&totals, &key);
	struct totals t = { old ? old->calls + 1 : 1, bpf_ktime_get_ns() };
	COUNTED(0, bpf_map_update_elem(&totals, &key, &t, BPF_ANY));
	return 0;
}
