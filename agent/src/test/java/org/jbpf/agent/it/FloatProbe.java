package org.jbpf.agent.it;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;

/** Does not translate: BPF has no floating point. */
@Bpf(license = "GPL")
public final class FloatProbe {
    @Section("tracepoint/syscalls/sys_enter_getpid")
    static long run(TracepointContext ctx) {
        double d = ctx.arg(0) * 1.5; // line 12
        return (long) d;
    }
}
