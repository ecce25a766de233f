package org.jbpf.translator.bad;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;

@Bpf
public final class ArgTracepoint {
    @Section("tracepoint/syscalls/sys_enter_openat")
    static int probe(TracepointContext ctx, int dfd) {
        return dfd;
    }
}
