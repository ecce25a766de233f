package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Size;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** A map's struct value stored into a local struct's field, then changed in the map: Java would share the map's object. */
@Bpf(license = "GPL")
public final class CopiedMapValue {
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

    public static final ArrayMap<Point> points = new ArrayMap<>(Point.class, 1);

    static long compute(long a, long b) {
        Point p = points.lookup(0);
        if (p == null) return 0;
        Segment s = new Segment();
        s.to = p;
        p.x = a;
        return s.to.x + b;
    }
}
