package org.jbpf.translator.bad;

import java.util.function.LongUnaryOperator;
import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;

@Bpf
public final class InterfaceCall {
    static long apply(LongUnaryOperator f, long v) {
        return f.applyAsLong(v); // line 11
    }

    @Section("tracepoint/syscalls/sys_enter_openat")
    static long run(TracepointContext ctx) {
        return apply(x -> x + 1, ctx.arg(0));
    }
}
