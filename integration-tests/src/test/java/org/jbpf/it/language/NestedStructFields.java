package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Nested @Struct fields by value, written through chained field accesses. */
@Bpf(license = "GPL")
public final class NestedStructFields {
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
        public int x, y;
    }

    @Struct
    public static final class Box {
        public Point lo = new Point();
        public Point hi = new Point();
        public long area;
    }

    static long compute(long a, long b) {
        Box box = new Box();
        box.lo.x = (int) Math.min(a, b);
        box.hi.x = (int) Math.max(a, b);
        box.lo.y = (int) (a >> 32);
        box.hi.y = box.lo.y + 5;
        box.area = (long) (box.hi.x - box.lo.x) * (box.hi.y - box.lo.y);
        return box.area + box.lo.x;
    }
}
