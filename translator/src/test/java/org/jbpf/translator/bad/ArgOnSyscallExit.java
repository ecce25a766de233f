package org.jbpf.translator.bad;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;

@Bpf
public final class ArgOnSyscallExit {
    @Section("tp/syscalls/sys_exit_read")
    static int run(TracepointContext ctx) {
        return (int) ctx.arg(0); // line 11
    }
}
