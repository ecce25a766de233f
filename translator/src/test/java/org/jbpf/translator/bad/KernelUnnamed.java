package org.jbpf.translator.bad;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;

@Bpf
public final class KernelUnnamed {
    @Section("tracepoint/sched/sched_process_exec")
    static int probe(TracepointContext ctx) {
        int o = KernelTask.current().unnamed();
        return o;
    }
}
