package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** A helper taking Object that tests it with instanceof patterns against @Struct classes, as Java dispatches by type. */
@Bpf(license = "GPL")
public final class InstanceofStructPatterns {
    public static final ArrayMap<Long> in = new ArrayMap<>(Long.class, 2);
    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 1);


    @Struct
    public static final class Rect {
        public long w;
        public long h;
    }

    @Struct
    public static final class Square {
        public long side;
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
        Rect r = new Rect();
        r.w = a & 0xffff;
        r.h = b & 0xffff;
        Square q = new Square();
        q.side = (a ^ b) & 0xfff;
        return area(r) * 3 + area(q) + (isShape(r) ? 1 : 0) + (isShape(q) ? 2 : 0);
    }

    static long area(Object shape) {
        if (shape instanceof Rect x) return x.w * x.h;
        if (shape instanceof Square s) return s.side * s.side;
        return -1;
    }

    static boolean isShape(Object o) { return o instanceof Rect; }
}
