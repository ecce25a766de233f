package org.jbpf.it.newuser;

import static org.jbpf.Helpers.comm;
import static org.jbpf.Helpers.log2;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Strings;
import org.jbpf.Struct;
import org.jbpf.TracepointContext;
import org.jbpf.maps.ArrayMap;
import org.jbpf.maps.HashMap;
import org.jbpf.maps.Histogram;

/** Maps meant to be scraped by Prometheus: calls per argument parity, a struct of totals, a log2 histogram of arguments and a global. */
@Bpf(license = "GPL")
public final class ServedCounts {
    @Struct
    public static final class Totals {
        public long calls;
        public long argumentTotal;
        public long largest;
    }

    public static final HashMap<Integer, Long> callCount = new HashMap<>(Integer.class, Long.class, 8);
    public static final ArrayMap<Totals> totals = new ArrayMap<>(Totals.class, 1);
    @Histogram(Histogram.Kind.LOG2)
    public static final ArrayMap<Long> argumentHist = new ArrayMap<>(Long.class, 32);
    static long lastArgument;

    @Section("tracepoint/syscalls/sys_enter_getpgid")
    static int onGetpgid(TracepointContext ctx) {
        byte[] name = new byte[16];
        comm(name);
        if (!Strings.equals(name, "nu-metrics")) return 0;
        long argument = ctx.arg(0);
        callCount.increment((int) (argument & 1));
        Totals t = totals.lookup(0);
        if (t != null) {
            t.calls++;
            t.argumentTotal += argument;
            if (argument > t.largest) t.largest = argument;
        }
        argumentHist.increment(Math.min(log2(argument), 31));
        lastArgument = argument;
        return 0;
    }
}
