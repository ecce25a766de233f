package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.NoInline;
import org.jbpf.Section;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** A struct copied into another's field inside a BPF function (@NoInline), then changed by the caller: the copy is the caller's, made at the call. */
@Bpf(license = "GPL")
public final class CopiedInFunction {
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

    @NoInline
    static void place(Segment s, Point p) {
        s.from = p;
    }

    static long compute(long a, long b) {
        Point p = new Point();
        p.x = a;
        Segment s = new Segment();
        place(s, p);
        p.y = b;
        return s.from.x + s.from.y;
    }
}
