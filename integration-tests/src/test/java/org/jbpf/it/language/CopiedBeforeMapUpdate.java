package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Size;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** A histogram built from an array, the array changed, then the struct put into a map: Java would put the changed numbers. */
@Bpf(license = "GPL")
public final class CopiedBeforeMapUpdate {
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
    public record Hist(long count, @Size(4) long[] buckets) {}

    public static final ArrayMap<Hist> hists = new ArrayMap<>(Hist.class, 1);

    static long compute(long a, long b) {
        long[] buckets = new long[4];
        Hist h = new Hist(a, buckets);
        buckets[(int) (b & 3)]++;
        hists.update(0, h);
        return a;
    }
}
