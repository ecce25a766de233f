package org.jbpf.translator.bad;

import org.jbpf.Bpf;
import org.jbpf.Helpers;
import org.jbpf.Section;
import org.jbpf.TracepointContext;

/** Reads 24 bytes of user memory into a long[2]. */
@Bpf
public final class ReadPastLongs {
    @Section("tracepoint/syscalls/sys_enter_execve")
    static int probe(TracepointContext ctx) {
        long[] argv = new long[2];
        return Helpers.probeReadUser(argv, 24, ctx.arg(1));
    }
}
