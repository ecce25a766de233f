package org.jbpf.translator.bad;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;

@Bpf
public final class RecordWrite {
    @Section("tracepoint/syscalls/sys_enter_openat")
    static int probe(TracepointContext ctx) {
        RecordTp r = ctx.as(RecordTp.class);
        r.filename = 0;
        return 0;
    }
}
