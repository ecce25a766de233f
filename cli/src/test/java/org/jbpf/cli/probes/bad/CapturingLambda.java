package org.jbpf.cli.probes.bad;

import java.util.function.LongSupplier;
import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;

/** Calls through a lambda, a virtual call a BPF program does not have. */
@Bpf(license = "GPL")
public final class CapturingLambda {
    @Section("tracepoint/syscalls/sys_enter_getpid")
    static long onGetpid(TracepointContext ctx) {
        long base = ctx.arg(0);
        LongSupplier twice = () -> base * 2;
        return twice.getAsLong();
    }
}
