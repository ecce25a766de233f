package org.jbpf.translator.bad;

import org.jbpf.Bpf;
import org.jbpf.Constant;
import org.jbpf.Section;
import org.jbpf.TracepointContext;

@Bpf
public final class ConstantArrayWrite {
    @Constant static final byte[] name = new byte[8];

    @Section("tracepoint/syscalls/sys_enter_getpid")
    static long run(TracepointContext ctx) {
        name[0] = 1; // line 14
        return 0;
    }
}
