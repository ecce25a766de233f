package org.jbpf.it.newuser;

import static org.jbpf.Helpers.pid;

import org.jbpf.Bpf;
import org.jbpf.examples.kernel.PtRegs;
import org.jbpf.Constant;
import org.jbpf.RawTracepointContext;
import org.jbpf.Section;

/** The raw sys_enter tracepoint: argument 0 is the user registers, read by name; the sum of getsid()'s first arguments of one process. */
@Bpf(license = "GPL")
public final class RawRegisters {
    static final long GETSID = 124;
    @Constant static int targetPid;
    static long sum;
    static long calls;

    @Section("raw_tracepoint/sys_enter")
    static int onEnter(RawTracepointContext ctx) {
        if (pid() != targetPid || ctx.arg(1) != GETSID) return 0;
        long first = PtRegs.at(ctx.arg(0)).di();
        if (first < 7_000_000) return 0;
        sum += first - 7_000_000;
        calls++;
        return 0;
    }
}
