package org.jbpf.translator.bad;

import org.jbpf.Bpf;
import org.jbpf.RawTracepointContext;
import org.jbpf.Section;
import org.jbpf.TracepointContext;

@Bpf
public final class OverloadedPrograms {
    @Section("tracepoint/syscalls/sys_enter_getppid")
    static long count(TracepointContext ctx) {
        return 0; // line 12
    }

    @Section("raw_tracepoint/sys_enter")
    static long count(RawTracepointContext ctx) {
        return 1; // line 17
    }
}
