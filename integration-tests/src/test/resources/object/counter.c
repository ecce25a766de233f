/* A small probe compiled by clang in the object tests: BTF-defined maps, a .text subprogram, two programs. */
typedef unsigned int __u32;
typedef unsigned long long __u64;

#define SEC(name) __attribute__((section(name), used))
#define __uint(name, val) int (*name)[val]
#define __type(name, val) typeof(val) *name

static void *(*bpf_map_lookup_elem)(void *map, const void *key) = (void *) 1;
static long (*bpf_map_update_elem)(void *map, const void *key, const void *value, __u64 flags) = (void *) 2;
static __u64 (*bpf_get_current_pid_tgid)(void) = (void *) 14;

struct event {
    int pid;
    long count;
    char comm[16];
};

struct {
    __uint(type, 1); /* BPF_MAP_TYPE_HASH */
    __uint(max_entries, 1024);
    __uint(map_flags, 1); /* BPF_F_NO_PREALLOC */
    __type(key, int);
    __type(value, struct event);
} counts SEC(".maps");

struct {
    __uint(type, 2); /* BPF_MAP_TYPE_ARRAY */
    __uint(max_entries, 4);
    __uint(key_size, 4);
    __uint(value_size, 8);
} totals SEC(".maps");

static __attribute__((noinline)) int bump(int pid)
{
	struct event *e = bpf_map_lookup_elem(&counts, &pid);  /* indented with a tab, as C often is */
    if (e) {
        e->count++;
        return 1;
    }
    struct event fresh = { .pid = pid, .count = 1 };
    bpf_map_update_elem(&counts, &pid, &fresh, 0);
    return 0;
}

SEC("tracepoint/syscalls/sys_enter_getpid")
int on_getpid(void *ctx)
{
    int pid = bpf_get_current_pid_tgid() >> 32;
    __u32 slot = 0;
    long *total = bpf_map_lookup_elem(&totals, &slot);
    if (total)
        __sync_fetch_and_add(total, 1);
    return bump(pid);
}

SEC("tracepoint/syscalls/sys_enter_getppid")
int on_getppid(void *ctx)
{
    return bump(-1);
}

char LICENSE[] SEC("license") = "GPL";
