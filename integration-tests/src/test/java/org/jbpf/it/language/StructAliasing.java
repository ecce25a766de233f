package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Two variables and a helper parameter referring to one struct, a ternary choosing between structs, and a variable holding a nested struct field: changes through one are seen through the other, as Java shares objects. */
@Bpf(license = "GPL")
public final class StructAliasing {
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
    }

    @Struct
    public static final class Segment {
        public Point from = new Point();
        public Point to = new Point();
    }

    static void shift(Point p, long by) {
        p.x += by;
        p.y -= by;
    }

    static long compute(long a, long b) {
        Point p = new Point();
        Point q = p;
        q.x = a;
        p.y = b;
        shift(q, 3);
        Point r = new Point();
        r.x = 100;
        Point pick = (a & 1) == 0 ? p : r;
        pick.y += 5;
        Segment s = new Segment();
        Point end = s.to;
        end.x = a & 0xff;
        shift(s.from, b & 0xf);
        s.to.y = end.x * 2;
        return p.x * 3 + p.y * 5 + r.x * 7 + r.y * 11 + s.from.x + s.from.y * 13 + s.to.x * 17 + end.y;
    }
}
