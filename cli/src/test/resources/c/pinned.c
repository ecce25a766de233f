/* A probe written in C whose map is pinned by name (libbpf's LIBBPF_PIN_BY_NAME): every object that declares it
 * shares the one pinned at /sys/fs/bpf/NAME. NAME is given with -DNAME=... */
typedef unsigned int u32;
typedef unsigned long long u64;

#define SEC(name) __attribute__((section(name), used))
#define __uint(name, val) int (*name)[val]
#define __type(name, val) typeof(val) *name

static void *(*bpf_map_lookup_elem)(void *map, const void *key) = (void *) 1;

struct {
    __uint(type, 1); /* BPF_MAP_TYPE_HASH */
    __uint(max_entries, 64);
    __type(key, u32);
    __type(value, u64);
    __uint(pinning, 1); /* LIBBPF_PIN_BY_NAME */
} NAME SEC(".maps");

SEC("tracepoint/syscalls/sys_enter_getppid")
int count(void *ctx) {
    u32 key = 0;
    u64 *calls = bpf_map_lookup_elem(&NAME, &key);
    if (calls) __sync_fetch_and_add(calls, 1);
    return 0;
}

char LICENSE[] SEC("license") = "GPL";
