package org.jbpf.translator.bad;

import org.jbpf.Bpf;
import org.jbpf.Constant;
import org.jbpf.Section;
import org.jbpf.TracepointContext;

@Bpf
public final class ConstantFinal {
    @Constant static final int limit = 10;

    @Section("tracepoint/syscalls/sys_enter_getpid")
    static long run(TracepointContext ctx) {
        return limit;
    }
}
