/* A program the kernel verifier refuses inside a global function: read_past indexes past its one-entry array's value. */
typedef unsigned long long u64;
#define SEC(name) __attribute__((section(name), used))
#define __uint(name, val) int (*name)[val]
#define __type(name, val) typeof(val) *name
static void *(*bpf_map_lookup_elem)(void *map, const void *key) = (void *) 1;

struct {
    __uint(type, 2);
    __uint(max_entries, 1);
    __type(key, int);
    __type(value, u64);
} slots SEC(".maps");

/* a global function: the kernel verifies it on its own, from its BTF prototype */
__attribute__((noinline)) int read_past(int index) {
    int zero = 0;
    u64 *v = bpf_map_lookup_elem(&slots, &zero);
    if (!v) return 0;
    return (int) v[index & 15];
}

SEC("tracepoint/syscalls/sys_enter_getppid")
int refused(void *ctx) { return read_past(9); }

char LICENSE[] SEC("license") = "GPL";
