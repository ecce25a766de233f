package org.jbpf.cli.probes.bad;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;

/** Catches an exception, which a BPF program never throws. */
@Bpf(license = "GPL")
public final class CatchesException {
    @Section("tracepoint/syscalls/sys_enter_getpid")
    static long onGetpid(TracepointContext ctx) {
        try {
            return 10 / ctx.arg(0);
        } catch (ArithmeticException e) {
            return -1;
        }
    }
}
