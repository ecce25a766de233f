package org.jbpf.translator.bad;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;

@Bpf
public final class IndexOutOfRange {
    @Section("tracepoint/syscalls/sys_enter_getpid")
    static long run(TracepointContext ctx) {
        long[] w = new long[4];
        int j = 7;
        if (j > 4) w[0] = 1;
        return w[j]; // line 14
    }
}
