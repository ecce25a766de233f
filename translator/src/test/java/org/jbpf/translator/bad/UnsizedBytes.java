package org.jbpf.translator.bad;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Struct;
import org.jbpf.TracepointContext;

@Bpf
public final class UnsizedBytes {
    @Struct
    public static final class Event {
        public long pid;
        public byte[] comm;
    }

    @Section("tracepoint/syscalls/sys_enter_getpid")
    static long run(TracepointContext ctx) {
        Event e = new Event(); // line 18
        e.pid = 1;
        return e.pid;
    }
}
