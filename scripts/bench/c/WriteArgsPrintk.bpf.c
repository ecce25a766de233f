#include "common.h"

/* the twin of bench/.../WriteArgsPrintk.java */
SEC("tracepoint/syscalls/sys_enter_write")
int enterWrite(struct syscall_enter *ctx)
{
	int pid = bpf_get_current_pid_tgid() >> 32;
	bpf_printk("write fd %d count %d pid %d", ctx->args[0], ctx->args[2], pid);
	return 0;
}
