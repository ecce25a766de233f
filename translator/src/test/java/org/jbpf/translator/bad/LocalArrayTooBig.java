package org.jbpf.translator.bad;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;

@Bpf
public final class LocalArrayTooBig {
    @Section("tracepoint/syscalls/sys_enter_getpid")
    static long run(TracepointContext ctx) {
        long[] buckets = new long[64]; // line 11
        buckets[3] = 1;
        return buckets[3];
    }
}
