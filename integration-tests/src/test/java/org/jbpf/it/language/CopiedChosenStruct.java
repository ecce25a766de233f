package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** One of two structs, chosen at run time, copied into a segment, then one of them changed: Java's segment may see it. */
@Bpf(license = "GPL")
public final class CopiedChosenStruct {
    public static final ArrayMap<Long> in = new ArrayMap<>(Long.class, 2);
    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 1);

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

    @Section("xdp")
    static int run(XdpContext ctx) {
        Long a = in.lookup(0);
        if (a == null) return XdpContext.XDP_ABORTED;
        Point p = new Point();
        Point q = new Point();
        q.x = 5;
        Segment s = new Segment();
        s.to = (a & 1) == 0 ? p : q;
        p.x = a;
        out.update(0, s.to.x);
        return XdpContext.XDP_PASS;
    }
}
