/* bpf_printk's format string lives in .rodata, reached through a relocation against the unnamed section symbol. */
typedef unsigned long long __u64;

#define SEC(name) __attribute__((section(name), used))

static long (*bpf_trace_printk)(const char *fmt, unsigned int fmt_size, ...) = (void *) 6;
static __u64 (*bpf_get_current_pid_tgid)(void) = (void *) 14;

SEC("tracepoint/syscalls/sys_enter_getppid")
int say_hello(void *ctx)
{
    static const char fmt[] = "hello from %d";
    bpf_trace_printk(fmt, sizeof(fmt), (int) (bpf_get_current_pid_tgid() >> 32));
    return 0;
}

char LICENSE[] SEC("license") = "GPL";
