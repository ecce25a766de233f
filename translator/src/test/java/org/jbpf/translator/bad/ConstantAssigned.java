package org.jbpf.translator.bad;

import org.jbpf.Bpf;
import org.jbpf.Constant;
import org.jbpf.Section;
import org.jbpf.TracepointContext;

@Bpf
public final class ConstantAssigned {
    @Constant static int limit = 10;

    @Section("tracepoint/syscalls/sys_enter_getpid")
    static long run(TracepointContext ctx) {
        limit = 5; // line 14
        return limit;
    }
}
