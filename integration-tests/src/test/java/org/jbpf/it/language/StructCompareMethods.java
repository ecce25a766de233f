package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Methods of a @Struct that take another of its kind: comparisons, distances and a static factory. */
@Bpf(license = "GPL")
public final class StructCompareMethods {
    public static final ArrayMap<Long> in = new ArrayMap<>(Long.class, 2);
    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 1);


    @Struct
    public static final class Point {
        public int x;
        public int y;

        static Point of(int x, int y) {
            Point p = new Point();
            p.x = x;
            p.y = y;
            return p;
        }

        boolean sameAs(Point o) { return x == o.x && y == o.y; }

        boolean before(Point o) { return x < o.x || x == o.x && y < o.y; }

        long manhattan(Point o) { return Math.abs((long) x - o.x) + Math.abs((long) y - o.y); }
    }

    @Section("xdp")
    static int run(XdpContext ctx) {
        Long a = in.lookup(0);
        Long b = in.lookup(1);
        if (a == null || b == null) return XdpContext.XDP_ABORTED;
        out.update(0, compute(a, b));
        return XdpContext.XDP_PASS;
    }


    static long compute(long a, long b) {
        Point p = Point.of((int) a, (int) (a >> 32));
        Point q = Point.of((int) b, (int) (b >> 32));
        Point r = p.sameAs(q) ? q : Point.of(p.x ^ q.y, p.y - q.x);
        return p.manhattan(q) * 7 + (p.sameAs(r) ? 1 : 0) + r.manhattan(p) + (p.before(q) ? 100 : -100);
    }
}
