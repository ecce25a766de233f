package org.jbpf.translator.bad;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;

@Bpf
public final class ArgInLoop {
    @Section("tracepoint/syscalls/sys_enter_openat")
    static long run(TracepointContext ctx) {
        long sum = 0;
        for (int i = 0; i < 3; i++) {
            sum += ctx.arg(i); // line 13
        }
        return sum;
    }
}
