package org.jbpf.translator.bad;

import org.jbpf.Bpf;
import org.jbpf.Helpers;
import org.jbpf.Section;
import org.jbpf.TracepointContext;

/** Reads user memory into a String. */
@Bpf
public final class ReadIntoString {
    @Section("tracepoint/syscalls/sys_enter_execve")
    static int probe(TracepointContext ctx) {
        return Helpers.probeReadKernel("text", 4, ctx.arg(1));
    }
}
