package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Objects.equals, equals between boxes of the same and of different classes, hashCode and compareTo of boxes. */
@Bpf(license = "GPL")
public final class ObjectsEqualsBoxes {
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
        Long x = a, y = b, z = a & 0xff;
        Integer i = (int) a, j = (int) b;
        long r = java.util.Objects.equals(x, y) ? 1 : 0;
        r += x.equals(z) ? 2 : 0;
        r += i.equals(j) ? 4 : 0;
        r += x.equals(i) ? 8 : 0;
        r += Long.valueOf(a).hashCode() + y.hashCode() * 3L;
        r += x.compareTo(y) * 5L + i.compareTo(j) * 7L;
        return r;
    }
}
