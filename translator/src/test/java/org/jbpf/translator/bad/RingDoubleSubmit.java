package org.jbpf.translator.bad;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;
import org.jbpf.examples.ProcessEvent;
import org.jbpf.maps.RingBuffer;

@Bpf
public final class RingDoubleSubmit {
    static final RingBuffer events = new RingBuffer(4096);

    @Section("tracepoint/syscalls/sys_enter_getpid")
    static long run(TracepointContext ctx) {
        ProcessEvent e = events.reserve(ProcessEvent.class);
        if (e == null) return 0;
        events.submit(e);
        events.discard(e); // line 18
        return 0;
    }
}
