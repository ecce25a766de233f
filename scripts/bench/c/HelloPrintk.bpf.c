#include "common.h"

// as a C programmer writes it: bpf_printk keeps each format string in .rodata
SEC("tracepoint/syscalls/sys_enter_getppid")
int hello(void *ctx)
{
	int p = bpf_get_current_pid_tgid() >> 32;
	bpf_printk("hello from %d", p);
	bpf_printk("pid %d called getppid", p);
	return 0;
}
