package org.jbpf.translator.opt;

import static org.jbpf.Helpers.pid;
import static org.jbpf.Helpers.printk;

import org.jbpf.Bpf;
import org.jbpf.PtRegs;
import org.jbpf.Section;
import org.jbpf.TracepointContext;

/** Probes whose context fields are loaded before a call but read only after it. */
final class ContextLoadProbes {
    private ContextLoadProbes() {}

    /** Two tracepoint fields passed to printk after a pid() call. */
    @Bpf(license = "GPL")
    static final class TracepointFields {
        @Section("tracepoint/syscalls/sys_enter_write")
        static int enterWrite(TracepointContext ctx) {
            printk("write fd %d count %d pid %d", ctx.arg(0), ctx.arg(2), pid());
            return 0;
        }
    }

    /** The same with a kprobe's registers, which a helper (bpf_override_return) may change: loaded before the call. */
    @Bpf(license = "GPL")
    static final class KprobeParameters {
        @Section("kprobe/ksys_write")
        static int enterWrite(PtRegs regs) {
            printk("write fd %d count %d pid %d", regs.param(0), regs.param(2), pid());
            return 0;
        }
    }
}
