package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.NoInline;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/**
 * Static mutable fields as a Java programmer keeps state: a counter, a running total, the last value, a flag and a
 * table, changed by one program (directly and in a BPF function) and read and reset by another of the same class.
 */
@Bpf(license = "GPL")
public final class SharedGlobals {
    public static final ArrayMap<Long> in = new ArrayMap<>(Long.class, 2);
    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 1);
    static int calls;
    static long total = 5;
    static short last;
    static boolean sawNegative;
    static char tag = 'j';
    static long[] recent = new long[4];

    @Section("xdp")
    static int run(XdpContext ctx) {
        Long a = in.lookup(0);
        Long b = in.lookup(1);
        if (a == null || b == null) return XdpContext.XDP_ABORTED;
        record(a, b);
        return XdpContext.XDP_PASS;
    }

    @Section("xdp/drain")
    static int drain(XdpContext ctx) {
        out.update(0, take());
        return XdpContext.XDP_PASS;
    }

    static void record(long a, long b) {
        calls++;
        total += a >> 8;
        last = (short) b;
        if (a < 0) sawNegative = true;
        tag++;
        remember(calls, b);
    }

    @NoInline
    static void remember(int n, long v) {
        recent[n & 3] = v;
    }

    /** What drain leaves in out: a digest of the state, which it then resets (total to its initial 5). */
    static long take() {
        long r = calls * 31L + total + last * 7L + (sawNegative ? 1000 : 0) + tag;
        for (long v : recent) r = r * 3 + v;
        calls = 0;
        total = 5;
        sawNegative = false;
        return r;
    }
}
