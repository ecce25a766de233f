/* Global data as libbpf programs use it: load-time constants in .rodata, counters in .bss, initialised data in .data. */
typedef unsigned long long __u64;
typedef unsigned int __u32;

#define SEC(name) __attribute__((section(name), used))

static __u64 (*bpf_get_current_pid_tgid)(void) = (void *) 14;

const volatile __u32 target_tgid = 0;
const volatile int weight = 1;
__u64 hits = 0;
__u64 others;
__u64 total = 100;
static volatile __u64 last_seen;

SEC("tracepoint/syscalls/sys_enter_getppid")
int count_getppid(void *ctx)
{
    __u64 id = bpf_get_current_pid_tgid();
    if ((__u32) (id >> 32) != target_tgid) {
        __sync_fetch_and_add(&others, 1);
        return 0;
    }
    __sync_fetch_and_add(&hits, 1);
    __sync_fetch_and_add(&total, weight);
    last_seen = id;
    return 0;
}

char LICENSE[] SEC("license") = "GPL";
