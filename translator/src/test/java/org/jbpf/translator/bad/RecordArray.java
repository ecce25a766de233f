package org.jbpf.translator.bad;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;

@Bpf
public final class RecordArray {
    @Section("tracepoint/syscalls/sys_enter_openat")
    static int probe(TracepointContext ctx) {
        RecordTp r = ctx.as(RecordTp.class);
        return r.name[0];
    }
}
