package org.jbpf.it.newuser;

import static org.jbpf.Helpers.comm;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Strings;
import org.jbpf.TracepointContext;
import org.jbpf.maps.PerCpuArray;
import org.jbpf.maps.PerCpuHashMap;

/** Per-CPU counters: an array slot per outcome and a hash of call arguments, summed over CPUs from Java. */
@Bpf(license = "GPL")
public final class PerCpuCounts {
    public static final PerCpuArray<Long> totals = new PerCpuArray<>(Long.class, 4);
    public static final PerCpuHashMap<Integer, Long> byArgument = new PerCpuHashMap<>(Integer.class, Long.class, 64);

    @Section("tracepoint/syscalls/sys_enter_getpgid")
    static int onGetpgid(TracepointContext ctx) {
        byte[] name = new byte[16];
        comm(name);
        if (!Strings.startsWith(name, "nu-")) return 0;
        int arg = (int) ctx.arg(0);
        totals.increment(arg % 2 == 0 ? 0 : 1);
        Long seen = totals.lookup(3);
        if (seen != null) totals.update(3, seen + arg);
        byArgument.add(arg & 7, 1);
        return 0;
    }
}
