/* The numeric-iterator loop as C writes it with bpf_iter_num_* kfuncs (what bpf_for expands to), compiled by clang-19 in IteratorObjectTest. */
typedef unsigned int __u32;
typedef unsigned long long __u64;

#define SEC(name) __attribute__((section(name), used))
#define __ksym __attribute__((section(".ksyms")))
#define __uint(name, val) int (*name)[val]
#define __type(name, val) typeof(val) *name

struct bpf_iter_num { __u64 __opaque[1]; } __attribute__((aligned(8)));

extern int bpf_iter_num_new(struct bpf_iter_num *it, int start, int end) __ksym;
extern int *bpf_iter_num_next(struct bpf_iter_num *it) __ksym;
extern void bpf_iter_num_destroy(struct bpf_iter_num *it) __ksym;

static void *(*bpf_map_lookup_elem)(void *map, const void *key) = (void *) 1;

struct {
    __uint(type, 2);
    __uint(max_entries, 4);
    __type(key, __u32);
    __type(value, __u64);
} out SEC(".maps");

SEC("xdp")
int sum(void *ctx)
{
    struct bpf_iter_num it;
    __u64 total = 0, count = 0;
    int *v;
    bpf_iter_num_new(&it, 0, 100000);
    while ((v = bpf_iter_num_next(&it))) {
        total += *v;
        count++;
    }
    bpf_iter_num_destroy(&it);
    __u32 k = 0;
    __u64 *slot = bpf_map_lookup_elem(&out, &k);
    if (slot) *slot = total;
    k = 1;
    slot = bpf_map_lookup_elem(&out, &k);
    if (slot) *slot = count;
    return 2;
}

char LICENSE[] SEC("license") = "GPL";
