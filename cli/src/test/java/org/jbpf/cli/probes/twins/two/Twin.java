package org.jbpf.cli.probes.twins.two;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;

/** One of two probes of one simple name in different packages: their objects would share a file name. */
@Bpf(license = "GPL")
public final class Twin {
    @Section("tracepoint/syscalls/sys_enter_getppid")
    static long count(TracepointContext ctx) {
        return 0;
    }
}
