#include "common.h"

SEC("tracepoint/syscalls/sys_enter_getppid")
int hello(void *ctx)
{
	int p = bpf_get_current_pid_tgid() >> 32;
	char fmt1[] = "hello from %d";
	bpf_trace_printk(fmt1, sizeof(fmt1), p);
	char fmt2[] = "pid %d called getppid";
	bpf_trace_printk(fmt2, sizeof(fmt2), p);
	return 0;
}
