package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Size;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** A map value's histogram assigned to a local struct's: Java would share the one array between both structs. */
@Bpf(license = "GPL")
public final class NumberArrayFieldShared {
    @Struct
    public static final class Hist {
        @Size(4) public long[] buckets;
    }

    public static final ArrayMap<Hist> hists = new ArrayMap<>(Hist.class, 1);

    @Section("xdp")
    static int run(XdpContext ctx) {
        Hist h = hists.lookup(0);
        if (h == null) return XdpContext.XDP_ABORTED;
        Hist copy = new Hist();
        copy.buckets = h.buckets;
        copy.buckets[1]++;
        return (int) h.buckets[1];
    }
}
