#include "common.h"

/* the twin of bench/.../CommPrintk.java */
SEC("tracepoint/syscalls/sys_enter_openat")
int enterOpenat(void *ctx)
{
	char name[16];
	bpf_get_current_comm(name, sizeof(name));
	bpf_printk("%s opens a file", name);
	return 0;
}
