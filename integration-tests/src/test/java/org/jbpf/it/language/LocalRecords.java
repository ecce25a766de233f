package org.jbpf.it.language;

import org.jbpf.Struct;
import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** A @Struct record declared inside the method, made, passed to a helper and read through its accessors. */
@Bpf(license = "GPL")
public final class LocalRecords {
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

    static long compute(long a, long b) {
        @Struct
        record Span(long from, long to) {
            long length() { return to - from; }
        }
        Span s = a < b ? new Span(a, b) : new Span(b, a);
        Span t = new Span(s.from() / 2, s.to() / 3);
        return s.length() * 7 + t.length() + t.from();
    }
}
