package org.jbpf.translator.bad;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;
import org.jbpf.maps.HashMap;

@Bpf
public final class NullDeref {
    static final HashMap<Integer, Long> counts = new HashMap<>(Integer.class, Long.class, 16);

    @Section("tracepoint/syscalls/sys_enter_getpid")
    static long run(TracepointContext ctx) {
        Long c = counts.lookup(1);
        return c + 1; // line 15: no null test
    }
}
