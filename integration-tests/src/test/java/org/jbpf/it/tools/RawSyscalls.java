package org.jbpf.it.tools;

import static org.jbpf.Helpers.comm;
import static org.jbpf.Helpers.pid;
import static org.jbpf.Helpers.probeReadKernel;

import org.jbpf.Bpf;
import org.jbpf.Constant;
import org.jbpf.RawTracepointContext;
import org.jbpf.Section;
import org.jbpf.Strings;
import org.jbpf.maps.HashMap;

/**
 * syscount on the raw tracepoint sys_enter, whose arguments are the caller's registers and the call's number: calls
 * counted by number, and the first argument (register rdi, read from the saved registers) summed by number, for
 * the threads named "jt-..." of the process {@code targetPid}.
 */
@Bpf(license = "GPL")
public final class RawSyscalls {
    /** Offset of {@code di} in x86-64's {@code struct pt_regs}. */
    static final int PT_REGS_DI = 112;

    @Constant static int targetPid;
    public static final HashMap<Long, Long> calls = new HashMap<>(Long.class, Long.class, 512);
    public static final HashMap<Long, Long> firstArguments = new HashMap<>(Long.class, Long.class, 512);

    @Section("raw_tracepoint/sys_enter")
    static int enter(RawTracepointContext ctx) {
        if (pid() != targetPid) return 0;
        byte[] name = new byte[16];
        comm(name);
        if (!Strings.startsWith(name, "jt-")) return 0;
        long id = ctx.arg(1);
        long[] di = new long[1];
        if (probeReadKernel(di, 8, ctx.arg(0) + PT_REGS_DI) != 0) return 0;
        calls.increment(id);
        firstArguments.add(id, di[0]);
        return 0;
    }
}
