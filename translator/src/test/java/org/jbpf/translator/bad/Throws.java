package org.jbpf.translator.bad;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;

@Bpf
public final class Throws {
    @Section("tracepoint/syscalls/sys_enter_getpid")
    static long run(TracepointContext ctx) {
        if (ctx.arg(0) == 0) {
            throw new IllegalStateException("zero"); // line 12
        }
        return 0;
    }
}
