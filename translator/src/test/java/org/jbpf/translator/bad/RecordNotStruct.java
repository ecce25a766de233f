package org.jbpf.translator.bad;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;

@Bpf
public final class RecordNotStruct {
    @Section("tracepoint/syscalls/sys_enter_openat")
    static int probe(TracepointContext ctx) {
        String s = ctx.as(String.class);
        return s == null ? 0 : 1;
    }
}
