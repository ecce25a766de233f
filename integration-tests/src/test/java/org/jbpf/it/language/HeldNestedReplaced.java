package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** A nested struct read into a variable, then replaced in its struct: Java keeps the old Point in the variable, the struct holds the new one in place. */
@Bpf(license = "GPL")
public final class HeldNestedReplaced {
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

    static long compute(long a, long b) {
        Segment s = new Segment();
        s.from.x = a;
        Point old = s.from;
        Point other = new Point();
        other.x = b;
        s.from = other;
        return old.x * 3 + s.from.x;
    }
}
