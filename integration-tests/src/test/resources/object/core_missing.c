/* Reads a task_struct field the kernel does not have through CO-RE: loading must name the program, field and kernel type. */
typedef unsigned int __u32;
typedef unsigned long long __u64;

#define SEC(name) __attribute__((section(name), used))

static long (*bpf_probe_read_kernel)(void *dst, __u32 size, const void *src) = (void *) 113;
static __u64 (*bpf_get_current_task)(void) = (void *) 35;

struct task_struct {
    int tgid;
    long no_such_field;
} __attribute__((preserve_access_index));

SEC("tracepoint/syscalls/sys_enter_getppid")
int read_missing(void *ctx)
{
    struct task_struct *task = (struct task_struct *) bpf_get_current_task();
    long value = 0;
    bpf_probe_read_kernel(&value, sizeof(value), &task->no_such_field);
    return value;
}

char LICENSE[] SEC("license") = "GPL";
