package org.jbpf.it.newuser;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

import org.jbpf.Loops;
/** Loops.numbers over a range given at run time, with an early break. */
@Bpf(license = "GPL")
public final class NumberLoops {
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
        int n = (int) (a & 1023);
        long sum = 0;
        Loops.Numbers it = Loops.numbers(0, n);
        while (it.next()) {
            int i = it.value();
            if (i > (int) (b & 0xfff)) break;
            sum += (long) i * i;
        }
        it.close();
        return sum;
    }
}
