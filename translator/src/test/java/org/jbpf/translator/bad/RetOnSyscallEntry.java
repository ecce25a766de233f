package org.jbpf.translator.bad;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;

@Bpf
public final class RetOnSyscallEntry {
    @Section("tracepoint/syscalls/sys_enter_read")
    static int run(TracepointContext ctx) {
        long n = ctx.arg(2);
        return ctx.ret() < n ? 1 : 0; // line 12
    }
}
