package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** A map written under a key found at most the key of a value looked up before, which may be that key itself. */
@Bpf(license = "GPL")
public final class KeyComparedAtMost {
    public static final ArrayMap<Long> in = new ArrayMap<>(Long.class, 2);
    public static final ArrayMap<Long> cells = new ArrayMap<>(Long.class, 8);

    @Section("xdp")
    static int run(XdpContext ctx) {
        Long a = in.lookup(0);
        Long b = in.lookup(1);
        if (a == null || b == null) return XdpContext.XDP_ABORTED;
        int k = (int) (a & 7), j = (int) (b & 7);
        Long first = cells.lookup(k);
        if (first == null) return XdpContext.XDP_DROP;
        if (j <= k) cells.update(j, first + 1);
        return first > 5 ? XdpContext.XDP_PASS : XdpContext.XDP_DROP;
    }
}
