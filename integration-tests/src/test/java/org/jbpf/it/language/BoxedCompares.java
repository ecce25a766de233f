package org.jbpf.it.language;

import java.util.Objects;
import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Boxed numbers as Java code writes them: equals, Objects.equals, compare with null then a number, unboxing in arithmetic. */
@Bpf(license = "GPL")
public final class BoxedCompares {
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
        Long x = a;
        Long y = b;
        long r = 0;
        if (x.equals(y)) r += 1;
        if (x.equals(5L)) r += 2;
        if (Objects.equals(x, y)) r += 4;
        if (y == null || y > 3) r += 8;
        Integer i = (int) a;
        if (i.equals((int) b)) r += 16;
        if (x.equals(i)) r += 32;
        return r + x * 3 + y - i + x.compareTo(y) * 100L + Long.compare(x, y) * 1000L;
    }
}
