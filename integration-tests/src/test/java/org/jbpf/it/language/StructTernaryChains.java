package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Size;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Nested ternaries choosing among three struct locals and a struct returned from a helper, then fields read and written through the choice. */
@Bpf(license = "GPL")
public final class StructTernaryChains {
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

    @Struct
    public static final class Point {
        public long x;
        public long y;

        Point(long x, long y) { this.x = x; this.y = y; }

        long dot(Point o) { return x * o.x + y * o.y; }
    }

    static Point pick(Point p, Point q, long k) { return k > 0 ? p : q; }

    static long compute(long a, long b) {
        Point p = new Point(a, b), q = new Point(b, a ^ 7), r = new Point(a + b, a - b);
        Point c = a > b ? p : a == b ? q : r;
        c.x += 3;
        Point d = pick(q, pick(r, p, b), a - b);
        long s = c.x * 5 + c.y + d.x * 7 + d.y * 11 + c.dot(d);
        return s + p.x + q.x * 13 + r.x * 17;
    }
}
