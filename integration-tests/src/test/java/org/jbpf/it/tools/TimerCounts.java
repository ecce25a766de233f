package org.jbpf.it.tools;

import org.jbpf.examples.kernel.HrtimerExpireEntry;
import org.jbpf.examples.kernel.HrtimerStart;
import static org.jbpf.Helpers.comm;
import static org.jbpf.Helpers.pid;

import org.jbpf.Bpf;
import org.jbpf.Constant;
import org.jbpf.Section;
import org.jbpf.Strings;
import org.jbpf.TracepointContext;
import org.jbpf.maps.HashMap;
import org.jbpf.maps.Scratch;

/**
 * High-resolution timers started by the threads named "jt-..." of the process {@code targetPid}, counted by the kernel function each runs when it
 * expires, and those timers' expiries (in interrupt context, whoever runs then) counted by the same function.
 */
@Bpf(license = "GPL")
public final class TimerCounts {
    @Constant static int targetPid;
    @Scratch public static final HashMap<Long, Long> pending = new HashMap<>(Long.class, Long.class, 4096);
    public static final HashMap<Long, Long> startsByFunction = new HashMap<>(Long.class, Long.class, 256);
    public static final HashMap<Long, Long> expiriesByFunction = new HashMap<>(Long.class, Long.class, 256);

    @Section("tracepoint/timer/hrtimer_start")
    static int start(TracepointContext ctx) {
        if (pid() != targetPid) return 0;
        byte[] name = new byte[16];
        comm(name);
        if (!Strings.startsWith(name, "jt-")) return 0;
        HrtimerStart s = ctx.as(HrtimerStart.class);
        startsByFunction.increment(s.function);
        pending.update(s.hrtimer, s.function);
        return 0;
    }

    @Section("tracepoint/timer/hrtimer_expire_entry")
    static int expire(TracepointContext ctx) {
        HrtimerExpireEntry e = ctx.as(HrtimerExpireEntry.class);
        Long function = pending.lookup(e.hrtimer);
        if (function == null) return 0;
        expiriesByFunction.increment(function);
        pending.delete(e.hrtimer);
        return 0;
    }
}
