package org.jbpf.translator.bad;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;

@Bpf
public final class KernelText {
    @Section("tracepoint/sched/sched_process_exec")
    static int probe(TracepointContext ctx) {
        Object o = KernelTask.current().text();
        return o == null ? 0 : 1;
    }
}
