package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** A @Struct class without equals of its own compared with equals, which is Object's identity in Java. */
@Bpf(license = "GPL")
public final class StructObjectEquals {
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

    static long compute(long a, long b) {
        Point p = new Point();
        p.x = a;
        Point q = new Point();
        q.x = b;
        return p.equals(q) ? 1 : 0;
    }
}
