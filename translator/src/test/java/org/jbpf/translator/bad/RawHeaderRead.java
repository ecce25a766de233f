package org.jbpf.translator.bad;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;

@Bpf
public final class RawHeaderRead {
    static long last;

    @Section("tracepoint/sched/sched_process_exec")
    static int probe(TracepointContext ctx) {
        last = ctx.u32(4); // line 13
        return 0;
    }
}
