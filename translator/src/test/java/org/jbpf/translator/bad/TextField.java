package org.jbpf.translator.bad;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Struct;
import org.jbpf.TracepointContext;
import org.jbpf.maps.RingBuffer;

@Bpf
public final class TextField {
    @Struct public static final class Event { public String name; public long n; }

    public static final RingBuffer events = new RingBuffer(4096);

    @Section("tracepoint/syscalls/sys_enter_getpgid")
    static int probe(TracepointContext ctx) {
        Event e = new Event(); // line 17
        e.n = 1;
        events.output(e);
        return 0;
    }
}
