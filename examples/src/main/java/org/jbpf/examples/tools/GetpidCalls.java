package org.jbpf.examples.tools;

import static org.jbpf.Helpers.pid;
import static org.jbpf.Helpers.tid;

import org.jbpf.Bpf;
import org.jbpf.Constant;
import org.jbpf.PtRegs;
import org.jbpf.Section;
import org.jbpf.maps.HashMap;

/**
 * A uprobe and a uretprobe on libc's getpid(), like bpftrace's {@code uprobe:libc:getpid { @[tid] = count(); }}: the
 * calls each thread of the process {@code targetPid} made (0: every process), and per thread the calls that returned
 * and the value the last one returned.
 */
@Bpf(license = "GPL")
public final class GetpidCalls {
    @Constant static int targetPid;
    public static final HashMap<Integer, Long> calls = new HashMap<>(Integer.class, Long.class, 10240);
    public static final HashMap<Integer, Long> returns = new HashMap<>(Integer.class, Long.class, 10240);
    public static final HashMap<Integer, Integer> lastResult = new HashMap<>(Integer.class, Integer.class, 10240);

    @Section("uprobe/libc.so.6:getpid")
    static int enter(PtRegs ctx) {
        if (targetPid != 0 && pid() != targetPid) return 0;
        calls.increment(tid());
        return 0;
    }

    @Section("uretprobe/libc.so.6:getpid")
    static int exit(PtRegs ctx, int result) {
        if (targetPid != 0 && pid() != targetPid) return 0;
        returns.increment(tid());
        lastResult.update(tid(), result);
        return 0;
    }
}
