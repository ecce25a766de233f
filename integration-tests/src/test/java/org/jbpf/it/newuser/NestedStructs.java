package org.jbpf.it.newuser;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

import org.jbpf.Struct;
/** A @Struct nesting another by value, with instance methods called on both. */
@Bpf(license = "GPL")
public final class NestedStructs {
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
        public int x;
        public int y;

        long dot(Point o) { return (long) x * o.x + (long) y * o.y; }
        void move(int dx, int dy) { x += dx; y += dy; }
    }

    @Struct
    public static final class Box {
        public Point lo = new Point();
        public Point hi = new Point();
        public long tag;

        long area() { return (long) (hi.x - lo.x) * (hi.y - lo.y); }
        boolean contains(Point p) { return p.x >= lo.x && p.x < hi.x && p.y >= lo.y && p.y < hi.y; }
    }

    static long compute(long a, long b) {
        Box box = new Box();
        box.lo.x = (int) (a & 0xff);
        box.lo.y = (int) (b & 0xff);
        box.hi.x = box.lo.x + 10;
        box.hi.y = box.lo.y + 20;
        Point p = new Point();
        p.x = (int) (a >> 8 & 0x1ff);
        p.y = (int) (b >> 8 & 0x1ff);
        p.move(3, -4);
        box.tag = box.contains(p) ? 1 : 2;
        return box.area() * 10 + box.tag + box.lo.dot(p) + box.hi.dot(box.lo);
    }
}
