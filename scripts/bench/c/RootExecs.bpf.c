#include "common.h"

/* the twin of bench/.../RootExecs.java */
SEC("tracepoint/syscalls/sys_enter_execve")
int enterExecve(void *ctx)
{
	__u32 uid = bpf_get_current_uid_gid();
	if (uid == 0)
		bpf_printk("root exec by %d", (int)(bpf_get_current_pid_tgid() >> 32));
	else
		bpf_printk("user %d exec by %d", uid, (int)(bpf_get_current_pid_tgid() >> 32));
	return 0;
}
