package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.NoInline;
import org.jbpf.Section;
import org.jbpf.Size;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Records as values: made, passed to and returned from helpers, copied by wither methods, nested as components, compared component by component. */
@Bpf(license = "GPL")
public final class RecordValues {
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
    public record Pair(long left, long right) {
        public Pair {
            if (left > right) { long t = left; left = right; right = t; }
        }

        Pair withLeft(long l) { return new Pair(l, right); }

        long span() { return right - left; }
    }

    @Struct
    public record Box(Pair outer, Pair inner, int tag) {}

    static Pair widest(Pair p, Pair q) { return p.span() >= q.span() ? p : q; }

    static long compute(long a, long b) {
        Pair p = new Pair(a >> 8, b >> 8);
        Pair q = new Pair(b & 0xffff, a & 0xfff);
        Pair w = widest(p, q);
        Pair moved = w.withLeft(w.left() - 1);
        Box box = new Box(moved, q, (int) (a & 15));
        boolean same = box.outer().left() == p.left() && box.outer().right() == p.right();
        return w.span() * 3 + moved.left() * 5 + box.inner().right() * 7 + box.tag() + (same ? 11 : 13);
    }
}
