package org.jbpf.agent.it;

import org.jbpf.Bpf;
import org.jbpf.Helpers;
import org.jbpf.Section;
import org.jbpf.TracepointContext;

/** Translates, but the kernel refuses it: bpf_trace_printk is for GPL-compatible programs only. */
@Bpf(license = "Proprietary")
public final class ProprietaryProbe {
    @Section("tracepoint/syscalls/sys_enter_getpid")
    static long run(TracepointContext ctx) {
        Helpers.printk("pid asked");
        return 0;
    }
}
