package org.jbpf.translator.bad;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;

@Bpf
public final class IntTable {
    static final int[] WEIGHTS = weights();
    static long total;

    @Section("tracepoint/syscalls/sys_enter_getpgid")
    static int probe(TracepointContext ctx) {
        total += WEIGHTS[(int) ctx.arg(0) & 3]; // line 14
        return 0;
    }

    static int[] weights() {
        return new int[] {1, 2, 4, 8};
    }
}
