package org.jbpf.translator.bad;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;

@Bpf
public final class CopyVariable {
    @Section("tracepoint/syscalls/sys_enter_getpid")
    static long run(TracepointContext ctx) {
        long[] a = new long[8], b = new long[8];
        System.arraycopy(a, 0, b, 0, (int) (ctx.arg(0) & 7)); // line 12
        return b[0];
    }
}
