/* A probe in C with what opens.c lacks, for the damage tests: a legacy map definition (struct bpf_map_def in the
 * "maps" section), a CO-RE field read (a BTF.ext core relocation) and a ring buffer. */
typedef unsigned int u32;
typedef unsigned long long u64;

#define SEC(name) __attribute__((section(name), used))
#define __uint(name, val) int (*name)[val]

struct bpf_map_def {
    u32 type, key_size, value_size, max_entries, map_flags;
};

struct bpf_map_def SEC("maps") legacy_counts = {1 /* BPF_MAP_TYPE_HASH */, 4, 8, 64, 0};

struct {
    __uint(type, 27); /* BPF_MAP_TYPE_RINGBUF */
    __uint(max_entries, 4096);
} events SEC(".maps");

struct task_struct {
    int tgid;
} __attribute__((preserve_access_index));

static void *(*bpf_map_lookup_elem)(void *map, const void *key) = (void *) 1;
static long (*bpf_map_update_elem)(void *map, const void *key, const void *value, u64 flags) = (void *) 2;
static u64 (*bpf_get_current_task)(void) = (void *) 35;
static long (*bpf_probe_read_kernel)(void *dst, u32 size, const void *src) = (void *) 113;
static long (*bpf_ringbuf_output)(void *ringbuf, void *data, u64 size, u64 flags) = (void *) 130;

SEC("tracepoint/syscalls/sys_enter_getpid")
int on_getpid(void *ctx) {
    struct task_struct *task = (struct task_struct *) bpf_get_current_task();
    int tgid = 0;
    bpf_probe_read_kernel(&tgid, sizeof(tgid), &task->tgid);
    u32 key = tgid;
    u64 one = 1;
    u64 *count = bpf_map_lookup_elem(&legacy_counts, &key);
    if (count) *count += 1;
    else bpf_map_update_elem(&legacy_counts, &key, &one, 0);
    bpf_ringbuf_output(&events, &tgid, sizeof(tgid), 0);
    return 0;
}

char LICENSE[] SEC("license") = "GPL";
