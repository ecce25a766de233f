/*
 * Asks for the size of the kernel's task_struct; the test turns that CO-RE record into "type matches"
 * (bpf_core_type_matches, which clang 14 cannot emit yet), a kind jbpf must refuse.
 */
typedef unsigned int __u32;
typedef unsigned long long __u64;

#define SEC(name) __attribute__((section(name), used))

struct task_struct {
    int pid;
    int tgid;
} __attribute__((preserve_access_index));

SEC("tracepoint/syscalls/sys_enter_getppid")
int check_layout(void *ctx)
{
    return __builtin_preserve_type_info(*(struct task_struct *) 0, 1);
}

char LICENSE[] SEC("license") = "GPL";
