/* Shared declarations for the C twins of jbpf's examples (compiled only by the benchmark). */
#include <linux/types.h>
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

/* the record syscall tracepoints pass to a program */
struct syscall_enter { __u64 common; __s64 nr; __u64 args[6]; };
struct syscall_exit { __u64 common; __s64 nr; __s64 ret; };

char LICENSE[] SEC("license") = "GPL";

/*
 * What jbpf adds to every probe with hash maps or LPM tries: a per-CPU count of the new keys each full map refused,
 * one slot per such map in declaration order. JBPF_MAP_DROPS(n) declares it; COUNTED(slot, update) counts the update's
 * -E2BIG in the map's slot.
 */
#define JBPF_MAP_DROPS(n) struct { __uint(type, BPF_MAP_TYPE_PERCPU_ARRAY); __uint(max_entries, n); \
	__type(key, __u32); __type(value, __u64); } jbpf_map_drops SEC(".maps")
#define COUNTED(slot, update) ({ \
	long status_ = (update); \
	if (status_ == -7) { \
		__u32 slot_ = (slot); \
		__u64 *n_ = bpf_map_lookup_elem(&jbpf_map_drops, &slot_); \
		if (n_) __sync_fetch_and_add(n_, 1); \
	} \
	status_; })
