package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Size;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Generic helpers bounded by an interface of @Struct records, calling its default and abstract methods, and an interface's static generic method. */
@Bpf(license = "GPL")
public final class GenericInterfaceHelpers {
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

    interface Weighted {
        long weight();

        default boolean heavier(Weighted o) { return weight() > o.weight(); }

        static <T extends Weighted> T heaviest(T x, T y) { return y.heavier(x) ? y : x; }
    }

    @Struct
    public record Item(long id, long grams) implements Weighted {
        public long weight() { return grams; }
    }

    static <T extends Weighted> long total(T x, T y) { return x.weight() + y.weight() * 3; }

    static long compute(long a, long b) {
        Item p = new Item(1, a & 0xfffff), q = new Item(2, b & 0xfffff);
        Item h = Weighted.heaviest(p, q);
        return total(p, q) + h.id() * 1000 + (p.heavier(q) ? 5 : 7) + Weighted.heaviest(q, p).grams();
    }
}
