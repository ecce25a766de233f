package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Local boxes changed in place: ++, += and compound operators on Long and Integer variables. */
@Bpf(license = "GPL")
public final class BoxedArithmetic {
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
        Long total = a;
        total++;
        total += b;
        Integer small = (int) b;
        small--;
        small *= 3;
        Long copy = total;
        total <<= 2;
        return total + small * 7L + copy.hashCode() + (copy.equals(total) ? 1 : 0) + Long.valueOf(a).compareTo(b);
    }
}
