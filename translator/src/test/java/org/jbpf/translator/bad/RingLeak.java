package org.jbpf.translator.bad;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;
import org.jbpf.examples.ProcessEvent;
import org.jbpf.maps.RingBuffer;

@Bpf
public final class RingLeak {
    static final RingBuffer events = new RingBuffer(4096);

    @Section("tracepoint/syscalls/sys_enter_getpid")
    static long run(TracepointContext ctx) {
        ProcessEvent e = events.reserve(ProcessEvent.class); // line 15
        if (e == null) return 0;
        e.pid = 1;
        if (ctx.arg(0) == 0) {
            events.submit(e);
        }
        return 0; // line 21
    }
}
