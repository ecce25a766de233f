package org.jbpf.toolchain.checks;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;

/** A probe written with bpftrace's probe syntax. */
@Bpf(license = "GPL")
public final class Colons {
    @Section("tracepoint:syscalls:sys_enter_execve")
    static long onExec(TracepointContext ctx) {
        return 0;
    }
}
