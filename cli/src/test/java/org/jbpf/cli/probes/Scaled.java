package org.jbpf.cli.probes;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;

/** A probe the translator rejects: floating point has no place in BPF. */
@Bpf(license = "GPL")
public final class Scaled {
    @Section("tracepoint/syscalls/sys_enter_getpid")
    static long run(TracepointContext ctx) {
        double scaled = ctx.arg(0) * 1.5;
        return (long) scaled;
    }
}
