package org.jbpf.it.newuser;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Loop shapes users write: a long counter bounded by a clamp, a char loop over the alphabet, a countdown with --i, for(;;) with break, side effects inside ternaries and ternaries as indexes. */
@Bpf(license = "GPL")
public final class LoopShapes {
    public static final ArrayMap<Long> in = new ArrayMap<>(Long.class, 2);
    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 1);

    @Section("xdp")
    static int run(XdpContext ctx) {
        Long a = in.lookup(0);
        Long b = in.lookup(1);
        if (a == null || b == null) return XdpContext.XDP_ABORTED;
        out.update(0, compute(a, b));
        return XdpContext.XDP_PASS;
    }

    static long compute(long a, long b) {
        long n = Math.min(Math.max(b & 0xff, 0), 64);
        long acc = 0;
        for (long i = 0; i < n; i++) acc += i * (a & 0xf);
        int letters = 0;
        for (char c = 'a'; c <= 'z'; c++) if (((a >>> (c - 'a')) & 1) != 0) letters++;
        int[] slots = new int[8];
        int i = 8;
        while (--i >= 0) slots[i] = (int) (a >>> (i * 8)) & 0xff;
        int x = (int) a, y = (int) b, steps = 0;
        for (;;) {
            if (steps++ >= 20 || x == y) break;
            x = x > y ? x - 1 : x + 1;
        }
        int p = 0, q = 100;
        long side = (a & 1) == 0 ? p++ + 10 : q-- - 10;
        slots[x > 0 ? x & 7 : 0] += 3;
        long r = acc + letters * 1000L + side + p + q + steps;
        for (int s : slots) r = r * 7 + s;
        return r;
    }
}
