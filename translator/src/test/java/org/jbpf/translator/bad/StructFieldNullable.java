package org.jbpf.translator.bad;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Struct;
import org.jbpf.TracepointContext;
import org.jbpf.maps.HashMap;

@Bpf
public final class StructFieldNullable {
    @Struct
    public static final class Counter { public long n; }

    static final HashMap<Integer, Counter> counters = new HashMap<>(Integer.class, Counter.class, 16);

    @Section("tracepoint/syscalls/sys_enter_getpid")
    static long run(TracepointContext ctx) {
        Counter c = counters.lookup(7);
        c.n = c.n + 1; // line 19
        return 0;
    }
}
