package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** A helper object made a @Struct, as the refusal of a plain helper class advises: its field lives on the stack and its instance method is inlined. */
@Bpf(license = "GPL")
public final class StructHelperObject {
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
    public static final class Accumulator {
        long total;

        void add(long v) {
            total += v;
        }
    }

    static long compute(long a, long b) {
        Accumulator acc = new Accumulator();
        acc.add(a);
        acc.add(b);
        return acc.total;
    }
}
