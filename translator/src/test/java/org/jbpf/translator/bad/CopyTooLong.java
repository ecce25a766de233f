package org.jbpf.translator.bad;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;

@Bpf
public final class CopyTooLong {
    @Section("tracepoint/syscalls/sys_enter_getpid")
    static long run(TracepointContext ctx) {
        long[] a = new long[8];
        long[] b = java.util.Arrays.copyOf(a, 40); // line 12
        return b[0];
    }
}
