package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Records implementing an interface with default methods, one overriding a default, called directly and through the interface type. */
@Bpf(license = "GPL")
public final class RecordDefaultMethods {
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

    interface Measured {
        long size();

        default long doubled() { return size() * 2; }

        default boolean bigger(long limit) { return size() > limit; }

        static long sum(long x, long y) { return x + y; }
    }

    @Struct
    public record Span(long from, long to) implements Measured {
        public long size() { return to - from; }
    }

    @Struct
    public record Box(long w, long h) implements Measured {
        public long size() { return w * h; }

        public long doubled() { return size() + w; }
    }

    static long compute(long a, long b) {
        Span s = new Span(a & 0xffff, b & 0xfffff);
        Box x = new Box(a & 0xff, b & 0xff);
        long r = s.doubled() * 3 + x.doubled() + (s.bigger(b & 0xff) ? 1 : 0) + (x.bigger(100) ? 10 : 0);
        return Measured.sum(r, s.size()) + measure(s) * 5 + measure(x) * 7;
    }

    /** Called with each record: the interface's calls run the methods of the record passed. */
    static long measure(Measured m) {
        Measured same = m;
        return same.size() * 3 + m.doubled() + (m.bigger(10) ? 1 : 0);
    }
}
