package org.jbpf.translator.bad;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;

@Bpf
public final class RecordHeader {
    static long last;

    @Section("tracepoint/syscalls/sys_enter_openat")
    static int probe(TracepointContext ctx) {
        RecordTp r = ctx.as(RecordTp.class);
        last = r.common; // line 14
        return 0;
    }
}
