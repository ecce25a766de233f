package org.jbpf.it.language;

import org.jbpf.NoInline;
import org.jbpf.Size;
import org.jbpf.Struct;
import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** A struct holding an array of structs passed by reference to a @NoInline BPF function that indexes it by variables. */
@Bpf(license = "GPL")
public final class StructArrayInFunction {
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
    public static final class Bucket {
        public long count;
        public long total;
    }

    @Struct
    public static final class Histogram {
        public int samples;
        @Size(8) public Bucket[] buckets = new Bucket[8];

        public Histogram() {
            for (int i = 0; i < buckets.length; i++) buckets[i] = new Bucket();
        }
    }

    @NoInline
    static long add(Histogram h, long v) {
        int slot = 63 - Long.numberOfLeadingZeros(v | 1);
        if (slot > 7) slot = 7;
        h.buckets[slot].count++;
        h.buckets[slot].total += v;
        h.samples++;
        return slot;
    }

    static long compute(long a, long b) {
        Histogram h = new Histogram();
        long r = add(h, a & 0xff) + add(h, b & 0xfff) * 10 + add(h, (a ^ b) & 0x3f) * 100;
        for (Bucket k : h.buckets) r = r * 3 + k.count + k.total;
        return r + h.samples;
    }
}
