package org.jbpf.translator.bad;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;

/** A byte array of a tracepoint record, read through a copy on the stack. */
@Bpf
public final class RecordArray {
    @Section("tracepoint/syscalls/sys_enter_openat")
    static int probe(TracepointContext ctx) {
        RecordTp r = ctx.as(RecordTp.class);
        return r.name[0] + r.name[15];
    }
}
