package org.jbpf.it.newuser;

import static org.jbpf.Helpers.pid;

import org.jbpf.Bpf;
import org.jbpf.examples.kernel.PtRegs;
import org.jbpf.Constant;
import org.jbpf.Section;
import org.jbpf.TracingContext;

/**
 * getpgid() calls of one process seen on the BTF-typed sys_enter tracepoint: the syscall number is argument 1, the
 * registers argument 0, typed as the kernel's pt_regs so its first argument register (di) is a plain load.
 */
@Bpf(license = "GPL")
public final class BtfSyscalls {
    static final int GETPGID = 121;
    @Constant static int targetPid;
    static long calls;
    static long argumentSum;

    @Section("tp_btf/sys_enter")
    static int onEnter(TracingContext ctx) {
        if (pid() != targetPid || ctx.arg(1) != GETPGID) return 0;
        PtRegs regs = ctx.arg(0, PtRegs.class);
        long argument = regs.di();
        if (argument < 5_000_000) return 0;
        calls++;
        argumentSum += argument - 5_000_000;
        return 0;
    }
}
