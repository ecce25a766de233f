// The kernel side of the map dump benchmark's second C anchor (map_dump_foreach.c): the way jbpf now dumps a map,
// written in C. bpf_for_each_map_elem walks the map given at load time (libbpf puts the benchmark's pinned map in
// place of `src`) and the callback copies each key and value into the next element of the mmap-able array `out`.
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct record {
    __u32 key;
    __u32 pad;
    __u64 value;
};

struct {
    __uint(type, BPF_MAP_TYPE_HASH);
    __uint(max_entries, 1);
    __type(key, __u32);
    __type(value, __u64);
} src SEC(".maps");

struct {
    __uint(type, BPF_MAP_TYPE_ARRAY);
    __uint(map_flags, BPF_F_MMAPABLE);
    __uint(max_entries, 1);
    __type(key, __u32);
    __type(value, struct record);
} out SEC(".maps");

static long copy(void *map, __u32 *key, __u64 *value, __u64 *count) {
    __u32 i = *count;
    struct record *r = bpf_map_lookup_elem(&out, &i);
    if (!r)
        return 1;
    r->key = *key;
    r->value = *value;
    *count += 1;
    return 0;
}

SEC("raw_tp")
int dump(void *ctx) {
    __u64 count = 0;
    bpf_for_each_map_elem(&src, copy, &count, 0);
    return count;
}

char LICENSE[] SEC("license") = "GPL";
