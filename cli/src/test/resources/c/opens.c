/* A probe written in C for the command line's object tests: counts openat calls per process in a hash map, the
 * flags seen in an array indexed by a .text function, and the calls in a global; BTF-defined maps. */
typedef unsigned int u32;
typedef unsigned long long u64;

#define SEC(name) __attribute__((section(name), used))
#define __uint(name, val) int (*name)[val]
#define __type(name, val) typeof(val) *name

static void *(*bpf_map_lookup_elem)(void *map, const void *key) = (void *) 1;
static long (*bpf_map_update_elem)(void *map, const void *key, const void *value, u64 flags) = (void *) 2;
static u64 (*bpf_get_current_pid_tgid)(void) = (void *) 14;

struct {
    __uint(type, 1); /* BPF_MAP_TYPE_HASH */
    __uint(max_entries, 256);
    __type(key, u32);
    __type(value, u64);
} per_process SEC(".maps");

struct {
    __uint(type, 2); /* BPF_MAP_TYPE_ARRAY */
    __uint(max_entries, 8);
    __type(key, u32);
    __type(value, u64);
} by_flags SEC(".maps");

u64 calls = 0;

/* tracepoint/syscalls/sys_enter_openat: 8 bytes of common fields, then __syscall_nr, dfd, filename, flags, mode */
struct openat_args {
    u64 common;
    long nr;
    long dfd;
    const char *filename;
    long flags;
    long mode;
};

static __attribute__((noinline)) u32 bucket(long flags) {
    u32 b = 0;
    if (flags & 0100) b |= 1;   /* O_CREAT */
    if (flags & 01000) b |= 2;  /* O_TRUNC */
    if (flags & 02000) b |= 4;  /* O_APPEND */
    return b;
}

SEC("tracepoint/syscalls/sys_enter_openat")
int count_opens(struct openat_args *ctx) {
    u32 pid = bpf_get_current_pid_tgid() >> 32, b = bucket(ctx->flags);
    u64 one = 1, *n = bpf_map_lookup_elem(&per_process, &pid);
    if (n) __sync_fetch_and_add(n, 1);
    else bpf_map_update_elem(&per_process, &pid, &one, 0);
    u64 *f = bpf_map_lookup_elem(&by_flags, &b);
    if (f) __sync_fetch_and_add(f, 1);
    __sync_fetch_and_add(&calls, 1);
    return 0;
}

char LICENSE[] SEC("license") = "GPL";
