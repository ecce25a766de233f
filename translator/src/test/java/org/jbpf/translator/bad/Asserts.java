package org.jbpf.translator.bad;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;

@Bpf
public final class Asserts {
    @Section("tracepoint/syscalls/sys_enter_openat")
    static long run(TracepointContext ctx) {
        long flags = ctx.arg(2);
        assert flags >= 0; // line 12
        return flags;
    }
}
