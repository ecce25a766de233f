package org.jbpf.translator.bad;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;

@Bpf
public final class RawSectionTracepointContext {
    @Section("raw_tracepoint/sys_enter")
    static int run(TracepointContext ctx) {
        return (int) ctx.arg(0); // line 11
    }
}
