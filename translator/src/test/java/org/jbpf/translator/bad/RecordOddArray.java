package org.jbpf.translator.bad;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Strings;
import org.jbpf.TracepointContext;

/** A byte array at offset 20 of a tracepoint record (as signal_generate's comm), compared through a copy on the stack. */
@Bpf
public final class RecordOddArray {
    @Section("tracepoint/signal/signal_generate")
    static int probe(TracepointContext ctx) {
        return Strings.equals(ctx.as(RecordOddTp.class).comm, "sleep") ? 1 : 0;
    }
}
