package org.jbpf.translator.bad;

import java.util.function.LongUnaryOperator;
import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;

@Bpf
public final class AnonymousClass {
    @Section("tracepoint/syscalls/sys_enter_openat")
    static long run(TracepointContext ctx) {
        LongUnaryOperator inc = new LongUnaryOperator() { // line 12
            @Override public long applyAsLong(long x) { return x + 1; }
        };
        return inc.applyAsLong(ctx.arg(0));
    }
}
