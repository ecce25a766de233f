package org.jbpf.translator.bad;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;
import org.jbpf.examples.ProcessEvent;
import org.jbpf.maps.RingBuffer;

@Bpf
public final class RingInLoop {
    static final RingBuffer events = new RingBuffer(4096);

    @Section("tracepoint/syscalls/sys_enter_getpid")
    static long run(TracepointContext ctx) {
        for (int i = 0; i < 4; i++) {
            ProcessEvent e = events.reserve(ProcessEvent.class); // line 16
            if (e != null) e.pid = i;
        }
        return 0;
    }
}
