package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/**
 * instanceof patterns over a sealed interface of @Struct records (nested records, a static factory, a wither, an
 * interface default method calling a static one), with the record chosen by the input in each branch.
 */
@Bpf(license = "GPL")
public final class SealedRecordPatterns {
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

    sealed interface Event permits Open, Close {
        long weight();

        default long scaled(long k) { return clampWeight(weight()) * k; }

        static long clampWeight(long w) { return w < 0 ? 0 : Math.min(w, 1000); }
    }

    @Struct
    public record Where(int cpu, long pid) {
        static Where of(long v) { return new Where((int) (v & 7), v >>> 3); }
    }

    @Struct
    public record Open(Where at, long flags) implements Event {
        public long weight() { return flags * 3 + at.cpu(); }

        Open withFlags(long f) { return new Open(at, f); }
    }

    @Struct
    public record Close(Where at, int fd) implements Event {
        public long weight() { return fd - at.pid(); }
    }

    static long describe(Event e, long k) {
        if (e instanceof Open o && o.flags() > 10) return o.scaled(k) + o.at().pid();
        if (e instanceof Open o) return o.withFlags(o.flags() + 100).weight();
        if (e instanceof Close c) return c.scaled(k) - c.at().cpu();
        return -1;
    }

    static long compute(long a, long b) {
        Where w = Where.of(a);
        long r = (b & 1) == 0 ? describe(new Open(w, b & 31), a & 15) : describe(new Close(w, (int) b), b & 15);
        r = r * 31 + describe(new Open(Where.of(b), a & 0xff), 3);
        return r * 31 + describe(new Close(Where.of(a ^ b), (int) (a >> 3)), 5);
    }
}
