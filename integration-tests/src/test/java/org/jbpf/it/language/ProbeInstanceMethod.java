package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** An instance method of the probe class itself, called on a new instance. */
@Bpf(license = "GPL")
public final class ProbeInstanceMethod {
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

    long total;

    long add(long v) {
        total += v;
        return total;
    }

    static long compute(long a, long b) {
        ProbeInstanceMethod p = new ProbeInstanceMethod();
        p.add(a);
        return p.add(b);
    }
}
