package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** An enum of its own file, chosen by a helper and switched over with arrows, several labels per case and fall-through. */
@Bpf(license = "GPL")
public final class EnumOtherFile {
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

    static Severity of(long v) {
        return v < 0 ? Severity.FATAL : v < 100 ? Severity.INFO : v < 10_000 ? Severity.WARN : Severity.ERROR;
    }

    static long weight(Severity s) {
        return switch (s) {
            case INFO -> 1;
            case WARN -> 10;
            case ERROR, FATAL -> 100 + s.ordinal();
        };
    }

    static long compute(long a, long b) {
        Severity x = of(a), y = of(b);
        long r = weight(x) * 1000 + weight(y);
        switch (y) {
            case FATAL: r += 5;
            case ERROR: r += 7; break;
            default: r -= 1;
        }
        return r + x.compareTo(y) * 3 + (x == y ? 1 : 0);
    }
}
