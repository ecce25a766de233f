package org.jbpf.translator.bad;

import org.jbpf.Bpf;
import org.jbpf.RawTracepointContext;
import org.jbpf.Section;

@Bpf
public final class TracepointSectionRawContext {
    @Section("tracepoint/syscalls/sys_enter_openat")
    static int run(RawTracepointContext ctx) {
        return (int) ctx.arg(1); // line 11
    }
}
