package com.acme.two;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;

/** One of two probes of one simple name, whose objects would both be Twin.o. */
@Bpf(license = "GPL")
public final class Twin {
    @Section("tracepoint/syscalls/sys_enter_getpid")
    static long onGetpid(TracepointContext ctx) {
        return 0;
    }
}
