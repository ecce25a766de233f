package org.jbpf.translator.bad;

import org.jbpf.Bpf;
import org.jbpf.Inline;
import org.jbpf.Section;
import org.jbpf.TracepointContext;

/** Forced inlining whose copies multiply six-fold per level: 6^6 copies of the leaf, past the inlining budget. */
@Bpf
public final class InlineFanOut {
    @Section("tracepoint/syscalls/sys_enter_getpid")
    static long run(TracepointContext ctx) {
        return f0(ctx.arg(0));
    }

    @Inline static long f0(long x) { return f1(x) + f1(x ^ 5) + f1(x ^ 7) + f1(x ^ 9) + f1(x ^ 11) + f1(x ^ 13); }
    @Inline static long f1(long x) { return f2(x) + f2(x ^ 5) + f2(x ^ 7) + f2(x ^ 9) + f2(x ^ 11) + f2(x ^ 13); }
    @Inline static long f2(long x) { return f3(x) + f3(x ^ 5) + f3(x ^ 7) + f3(x ^ 9) + f3(x ^ 11) + f3(x ^ 13); }
    @Inline static long f3(long x) { return f4(x) + f4(x ^ 5) + f4(x ^ 7) + f4(x ^ 9) + f4(x ^ 11) + f4(x ^ 13); }
    @Inline static long f4(long x) { return f5(x) + f5(x ^ 5) + f5(x ^ 7) + f5(x ^ 9) + f5(x ^ 11) + f5(x ^ 13); }
    @Inline static long f5(long x) { return f6(x) + f6(x ^ 5) + f6(x ^ 7) + f6(x ^ 9) + f6(x ^ 11) + f6(x ^ 13); }
    @Inline static long f6(long x) { return x * 3 + 1; } // line 22
}
