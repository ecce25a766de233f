package org.jbpf.cli.probes;

import org.jbpf.Bpf;
import org.jbpf.Constant;
import org.jbpf.Section;
import org.jbpf.TracepointContext;

/**
 * Global variables of every kind, for how the command line shows them: a .bss counter, a .data step, a byte array
 * written at index 8, and a load-time constant.
 */
@Bpf(license = "GPL")
public final class GetpidGlobals {
    @Constant static int factor;
    static long calls;
    static int step = 3;
    static byte[] last = new byte[16];

    @Section("tracepoint/syscalls/sys_enter_getpid")
    static long enter(TracepointContext ctx) {
        calls += step * factor;
        last[8] = 7;
        return 0;
    }
}
