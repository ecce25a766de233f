package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Records nested three deep, read through chains of accessors, with a static factory and a method returning a changed copy. */
@Bpf(license = "GPL")
public final class DeepRecords {
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
    public record Inner(int a, short b) {
        Inner withA(int v) { return new Inner(v, b); }
    }

    @Struct
    public record Middle(Inner inner, long weight) {
        static Middle of(long w) { return new Middle(new Inner((int) w, (short) (w >> 16)), w * 3); }
    }

    @Struct
    public record Outer(Middle left, Middle right, byte tag) {}

    static long compute(long a, long b) {
        Outer o = new Outer(Middle.of(a), Middle.of(b), (byte) (a ^ b));
        Inner changed = o.left().inner().withA((int) b);
        Outer p = new Outer(o.right(), new Middle(changed, o.left().weight() + 1), (byte) 7);
        return o.left().inner().a() * 3L + o.right().inner().b() * 5L + o.tag() * 7L + p.right().inner().a() * 11L
                + p.right().weight() + p.left().inner().b() + changed.b();
    }
}
