package org.jbpf.translator.bad;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Struct;
import org.jbpf.TracepointContext;

@Bpf
public final class UnsizedInts {
    @Struct
    public static final class Counts {
        public int[] perCpu;
    }

    @Section("tracepoint/syscalls/sys_enter_getpid")
    static long run(TracepointContext ctx) {
        Counts c = new Counts(); // line 17
        return c.perCpu[0];
    }
}
