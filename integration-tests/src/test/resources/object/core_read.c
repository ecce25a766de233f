/* Reads the parent's tgid through CO-RE relocations, as BPF_CORE_READ(task, real_parent, tgid) does: jbpf must refuse it. */
typedef unsigned int __u32;
typedef unsigned long long __u64;

#define SEC(name) __attribute__((section(name), used))

static long (*bpf_probe_read_kernel)(void *dst, __u32 size, const void *src) = (void *) 113;
static __u64 (*bpf_get_current_task)(void) = (void *) 35;

/* the probe's own view of the kernel's task_struct; CO-RE would find the fields by name in the running kernel */
struct task_struct {
    int pid;
    int tgid;
    struct task_struct *real_parent;
} __attribute__((preserve_access_index));

SEC("tracepoint/syscalls/sys_enter_getppid")
int read_parent(void *ctx)
{
    struct task_struct *task = (struct task_struct *) bpf_get_current_task();
    struct task_struct *parent;
    int tgid;
    bpf_probe_read_kernel(&parent, sizeof(parent), &task->real_parent);
    bpf_probe_read_kernel(&tgid, sizeof(tgid), &parent->tgid);
    return tgid;
}

char LICENSE[] SEC("license") = "GPL";
