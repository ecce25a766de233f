/*
 * Reads the parent's tgid of every process that execs through CO-RE relocations, as BPF_CORE_READ(task, real_parent,
 * tgid) does, and records what other CO-RE checks say on the running kernel: the struct below is the probe's own
 * view of task_struct, with the kernel's real offsets found by name at load.
 */
typedef unsigned int __u32;
typedef unsigned long long __u64;

#define SEC(name) __attribute__((section(name), used))
#define __uint(name, val) int (*name)[val]
#define __type(name, val) typeof(val) *name

static long (*bpf_map_update_elem)(void *map, const void *key, const void *value, __u64 flags) = (void *) 2;
static long (*bpf_probe_read_kernel)(void *dst, __u32 size, const void *src) = (void *) 113;
static __u64 (*bpf_get_current_task)(void) = (void *) 35;

struct task_struct {
    int pid;
    int tgid;
    struct task_struct *real_parent;
    unsigned int in_execve:1;
    long no_such_field;
} __attribute__((preserve_access_index));

enum pid_type { PIDTYPE_PID, PIDTYPE_TGID = 7, PIDTYPE_NO_SUCH_TYPE = 9 };

struct {
    __uint(type, 1); /* BPF_MAP_TYPE_HASH */
    __uint(max_entries, 1024);
    __type(key, int);
    __type(value, int);
} parents SEC(".maps");

struct {
    __uint(type, 2); /* BPF_MAP_TYPE_ARRAY */
    __uint(max_entries, 16);
    __type(key, __u32);
    __type(value, __u64);
} info SEC(".maps");

static inline __attribute__((always_inline)) void record(__u32 slot, __u64 value)
{
    bpf_map_update_elem(&info, &slot, &value, 0);
}

SEC("tracepoint/sched/sched_process_exec")
int on_exec(void *ctx)
{
    struct task_struct *task = (struct task_struct *) bpf_get_current_task();
    struct task_struct *parent;
    int pid = 0, ppid = 0;
    bpf_probe_read_kernel(&pid, sizeof(pid), &task->tgid);
    bpf_probe_read_kernel(&parent, sizeof(parent), &task->real_parent);
    bpf_probe_read_kernel(&ppid, sizeof(ppid), &parent->tgid);
    bpf_map_update_elem(&parents, &pid, &ppid, 0);

    record(0, __builtin_preserve_field_info(task->no_such_field, 2));  /* field exists: no */
    record(1, __builtin_preserve_field_info(task->tgid, 2));           /* field exists: yes */
    record(2, __builtin_preserve_field_info(task->tgid, 1));           /* field byte size */
    record(3, __builtin_preserve_field_info(task->tgid, 3));           /* field signedness */
    record(4, __builtin_preserve_field_info(task->in_execve, 0));      /* bitfield: byte offset of its load */
    record(5, __builtin_preserve_field_info(task->in_execve, 1));      /* bitfield: size of that load */
    record(6, __builtin_preserve_field_info(task->in_execve, 4));      /* bitfield: left shift */
    record(7, __builtin_preserve_field_info(task->in_execve, 5));      /* bitfield: right shift */
    record(8, __builtin_preserve_type_info(*(struct task_struct *) 0, 1)); /* type size */
    record(9, __builtin_preserve_type_info(*(struct task_struct *) 0, 0)); /* type exists */
    record(10, __builtin_preserve_enum_value(*(enum pid_type *) PIDTYPE_TGID, 1)); /* enum value */
    record(11, __builtin_preserve_enum_value(*(enum pid_type *) PIDTYPE_NO_SUCH_TYPE, 0)); /* enum value exists: no */
    record(12, __builtin_btf_type_id(*task, 1));                       /* type id in the kernel's BTF */
    return 0;
}

char LICENSE[] SEC("license") = "GPL";
