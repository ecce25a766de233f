package org.jbpf.translator.bad;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Struct;
import org.jbpf.TracepointContext;
import org.jbpf.maps.ArrayMap;

@Bpf
public final class StructMethodNullable {
    @Struct
    public record Pair(long a, long b) {
        long sum() { return a + b; }
    }

    public static final ArrayMap<Pair> pairs = new ArrayMap<>(Pair.class, 1);

    @Section("tracepoint/syscalls/sys_enter_getpid")
    static long run(TracepointContext ctx) {
        Pair p = pairs.lookup(0);
        return p.sum(); // line 21
    }
}
