package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** A constant string's charAt used as a table of digits. */
@Bpf(license = "GPL")
public final class StringConstantTables {
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

    static final String HEX = "0123456789abcdef";

    static long compute(long a, long b) {
        long r = 0;
        for (int i = 0; i < 4; i++) r = r * 131 + HEX.charAt((int) (a >> (4 * i)) & 15);
        return r * 7 + "xyz".length() + HEX.indexOf('c');
    }
}
