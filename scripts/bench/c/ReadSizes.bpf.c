#include "common.h"

/* the twin of examples/.../ReadSizes.java, written as a C programmer would */
enum outcome { OUTCOME_EOF, OUTCOME_DATA, OUTCOME_ERROR };

struct reader { __u32 pid; __u32 outcome; };
struct sizes { __u64 count; __u64 bytes; __u64 buckets[32]; };

struct { __uint(type, BPF_MAP_TYPE_HASH); __uint(max_entries, 4096); __type(key, struct reader); __type(value, struct sizes); } sizes SEC(".maps");
JBPF_MAP_DROPS(1);

/* the index of the highest one bit, branch-free as BPF C tools write it (clang 14 hangs on __builtin_clzll for BPF) */
static __always_inline __u32 log2(__u64 v)
{
	__u32 r, s;
	r = (v > 0xffffffff) << 5; v >>= r;
	s = (v > 0xffff) << 4; v >>= s; r |= s;
	s = (v > 0xff) << 3; v >>= s; r |= s;
	s = (v > 0xf) << 2; v >>= s; r |= s;
	s = (v > 0x3) << 1; v >>= s; r |= s;
	return r | (v >> 1);
}

static __always_inline void add(struct sizes *s, __u64 n)
{
	__u32 b = log2(n);
	s->count++;
	s->bytes += n;
	s->buckets[b < 31 ? b : 31]++;
}

SEC("tracepoint/syscalls/sys_exit_read")
long exitRead(struct syscall_exit *ctx)
{
	__s64 n = ctx->ret;
	enum outcome o = n < 0 ? OUTCOME_ERROR : n == 0 ? OUTCOME_EOF : OUTCOME_DATA;
	struct reader key = { bpf_get_current_pid_tgid() >> 32, o };
	struct sizes *s = bpf_map_lookup_elem(&sizes, &key);
	if (!s) {
		struct sizes fresh = {};
		add(&fresh, o == OUTCOME_DATA ? n : 0);
		COUNTED(0, bpf_map_update_elem(&sizes, &key, &fresh, BPF_ANY));
	} else {
		add(s, o == OUTCOME_DATA ? n : 0);
	}
	return 0;
}
