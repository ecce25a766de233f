/* Shared declarations for the C twins of jbpf's examples (compiled only by the benchmark). */
#include <linux/types.h>
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

/* the record syscall tracepoints pass to a program */
struct syscall_enter { __u64 common; __s64 nr; __u64 args[6]; };
struct syscall_exit { __u64 common; __s64 nr; __s64 ret; };

char LICENSE[] SEC("license") = "GPL";
