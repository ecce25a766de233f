package org.jbpf.translator.bad;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;

@Bpf
public final class Recursion {
    @Section("tracepoint/syscalls/sys_enter_getpid")
    static long run(TracepointContext ctx) {
        return fact(ctx.arg(0));
    }

    static long fact(long n) {
        return n <= 1 ? 1 : n * fact(n - 1); // line 15
    }
}
