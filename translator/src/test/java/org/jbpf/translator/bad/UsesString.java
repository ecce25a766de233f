package org.jbpf.translator.bad;

import org.jbpf.Bpf;
import org.jbpf.Helpers;
import org.jbpf.Section;
import org.jbpf.TracepointContext;

@Bpf
public final class UsesString {
    @Section("tracepoint/syscalls/sys_enter_execve")
    static int run(TracepointContext ctx) {
        byte[] comm = new byte[16];
        Helpers.comm(comm);
        if (new String(comm).equals("bash")) return 1; // line 14
        return 0;
    }
}
