#include "common.h"

/* the twin of bench/.../NestedSpans.java, written as a C programmer would */
struct span { __s64 lo; __s64 hi; };
struct usage { __u64 calls; __u64 bytes; struct span size; };

struct { __uint(type, BPF_MAP_TYPE_HASH); __uint(max_entries, 4096); __type(key, __u32); __type(value, struct usage); } usage SEC(".maps");
JBPF_MAP_DROPS(1);

static __always_inline void span_include(struct span *s, __s64 v)
{
	if (v < s->lo) s->lo = v;
	if (v > s->hi) s->hi = v;
}

static __always_inline void usage_add(struct usage *u, __s64 n)
{
	u->calls++;
	u->bytes += n;
	span_include(&u->size, n);
}

SEC("tracepoint/syscalls/sys_exit_read")
long exitRead(struct syscall_exit *ctx)
{
	__s64 n = ctx->ret;
	if (n < 0)
		return 0;
	__u32 pid = bpf_get_current_pid_tgid() >> 32;
	struct usage *u = bpf_map_lookup_elem(&usage, &pid);
	if (!u) {
		struct usage fresh = { .size = { .lo = n } };
		usage_add(&fresh, n);
		COUNTED(0, bpf_map_update_elem(&usage, &pid, &fresh, BPF_ANY));
	} else {
		usage_add(u, n);
	}
	return 0;
}
