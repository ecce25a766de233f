#include "common.h"

/* the twin of bench/.../EnumLevels.java: switches over an enum, written as a C programmer would */
enum level { OFF, LOW, MEDIUM, HIGH, CRITICAL };

struct { __uint(type, BPF_MAP_TYPE_ARRAY); __uint(max_entries, 2); __type(key, __u32); __type(value, __s64); } in SEC(".maps");
struct { __uint(type, BPF_MAP_TYPE_ARRAY); __uint(max_entries, 2); __type(key, __u32); __type(value, __s64); } out SEC(".maps");

static __always_inline enum level level_of(__s64 v)
{
	if (v < 0)
		return CRITICAL;
	if (v == 0)
		return OFF;
	if (v < 100)
		return LOW;
	return v < 10000 ? MEDIUM : HIGH;
}

static __always_inline __s64 weight(enum level l)
{
	switch (l) {
	case OFF: return 0;
	case LOW: return 3;
	case HIGH: return 50;
	case CRITICAL: return 1000;
	default: return 7;
	}
}

static __always_inline int alarming(enum level l) { return l == HIGH || l == CRITICAL; }

static __always_inline __s64 classify(__s64 a, __s64 b)
{
	enum level x = level_of(a), y = level_of(b);
	__s64 r = weight(x) * 10000 + weight(y);
	if (x == y)
		r += 5;
	if (x != OFF && alarming(y))
		r = -r;
	r = r * 8 + (__s64)x - (__s64)y;
	switch (y) {
	case MEDIUM: r += 100; break;
	case CRITICAL: r ^= 0xff; break;
	default: break;
	}
	return r;
}

SEC("xdp")
int runClassify(struct xdp_md *ctx)
{
	__u32 first = 0, second = 1;
	__s64 *a = bpf_map_lookup_elem(&in, &first), *b = bpf_map_lookup_elem(&in, &second);
	if (!a || !b)
		return XDP_ABORTED;
	__s64 r = classify(*a, *b);
	bpf_map_update_elem(&out, &first, &r, BPF_ANY);
	return XDP_PASS;
}
