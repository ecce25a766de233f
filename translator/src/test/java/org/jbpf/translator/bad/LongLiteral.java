package org.jbpf.translator.bad;

import org.jbpf.Bpf;
import org.jbpf.Helpers;
import org.jbpf.Section;
import org.jbpf.Strings;
import org.jbpf.TracepointContext;

@Bpf
public final class LongLiteral {
    static final String TEN = "0123456789", HUNDRED = TEN + TEN + TEN + TEN + TEN + TEN + TEN + TEN + TEN + TEN;

    @Section("tracepoint/syscalls/sys_enter_getpid")
    static long run(TracepointContext ctx) {
        byte[] comm = new byte[16];
        Helpers.comm(comm);
        return Strings.startsWith(comm, HUNDRED + HUNDRED + HUNDRED) ? 1 : 0; // line 17
    }
}
