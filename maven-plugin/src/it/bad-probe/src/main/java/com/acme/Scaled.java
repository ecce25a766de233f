package com.acme;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;

@Bpf(license = "GPL")
public final class Scaled {
    @Section("tracepoint/syscalls/sys_enter_getpid")
    static long run(TracepointContext ctx) {
        double scaled = ctx.arg(0) * 1.5;
        return (long) scaled;
    }
}
