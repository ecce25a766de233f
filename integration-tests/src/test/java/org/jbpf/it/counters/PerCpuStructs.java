package org.jbpf.it.counters;

import org.jbpf.Bpf;
import org.jbpf.Helpers;
import org.jbpf.Max;
import org.jbpf.Section;
import org.jbpf.Size;
import org.jbpf.Struct;
import org.jbpf.TracepointContext;
import org.jbpf.maps.ArrayMap;
import org.jbpf.maps.PerCpuArray;

/**
 * A per-CPU value wider than 8 bytes: counters, a {@code @Max}, an array of longs, a struct held by value and an
 * array of structs, each changed in place by the watched process's getpgid(arg) calls.
 */
@Bpf(license = "GPL")
public final class PerCpuStructs {
    @Struct
    public static final class Pair { public int calls; public long args; }

    @Struct
    public static final class Tally {
        public long calls;
        public int argSum;
        @Max public int peak;
        /** Calls by the argument's low two bits. */
        @Size(4) public long[] byLow;
        public Pair all;
        /** Calls and argument sums of even [0] and odd [1] arguments. */
        @Size(2) public Pair[] byParity;
        public boolean seen;
    }

    public static final ArrayMap<Integer> watchPid = new ArrayMap<>(Integer.class, 1);
    public static final PerCpuArray<Tally> tallies = new PerCpuArray<>(Tally.class, 1);

    @Section("tracepoint/syscalls/sys_enter_getpgid")
    static long count(TracepointContext ctx) {
        Integer want = watchPid.lookup(0);
        if (want == null || want != Helpers.pid()) return 0;
        Tally t = tallies.lookup(0);
        if (t == null) return 0;
        int arg = (int) ctx.arg(0);
        t.calls++;
        t.argSum += arg;
        if (arg > t.peak) t.peak = arg;
        t.byLow[arg & 3]++;
        t.all.calls++;
        t.all.args += arg;
        Pair p = t.byParity[arg & 1];
        p.calls++;
        p.args += arg;
        t.seen = true;
        return 0;
    }
}
