package org.jbpf.it.semantics;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Struct;
import org.jbpf.TracepointContext;
import org.jbpf.maps.HashMap;

@Bpf(license = "GPL")
public final class StructOrMapValue {
    @Struct
    public static final class Counter { public long n; }

    public static final HashMap<Integer, Counter> counters = new HashMap<>(Integer.class, Counter.class, 16);

    @Section("tracepoint/syscalls/sys_enter_getppid")
    static long run(TracepointContext ctx) {
        Counter c = counters.lookup(org.jbpf.Helpers.pid());
        if (c == null) {
            c = new Counter();
        }
        c.n = c.n + 1;
        counters.update(org.jbpf.Helpers.pid(), c);
        return 0;
    }
}
