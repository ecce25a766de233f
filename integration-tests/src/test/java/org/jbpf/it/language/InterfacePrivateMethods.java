package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** An interface whose default method calls a private method, a default another record overrides, and a static method. */
@Bpf(license = "GPL")
public final class InterfacePrivateMethods {
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

    interface Scaled {
        long raw();

        default long scaled() { return adjust(raw()) + Scaled.offset(); }

        private long adjust(long v) { return v * factor(); }

        default long factor() { return 3; }

        static long offset() { return 11; }
    }

    @Struct
    public record Reading(long raw) implements Scaled {}

    @Struct
    public record Doubled(long raw) implements Scaled {
        public long factor() { return 2; }
    }

    static long compute(long a, long b) {
        return new Reading(a).scaled() * 7 + new Doubled(b).scaled();
    }
}
