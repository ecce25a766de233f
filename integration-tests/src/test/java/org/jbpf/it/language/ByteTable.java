package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** A static final byte[] table of constants used as a lookup table (a global). */
@Bpf(license = "GPL")
public final class ByteTable {
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

    static final byte[] SQUARES = {0, 1, 4, 9, 16, 25, 36, 49, 64, 81};

    static long compute(long a, long b) {
        int i = (int) Long.remainderUnsigned(a, 10);
        int j = (int) Long.remainderUnsigned(b, 12);
        return SQUARES[i] * 100L + (j < SQUARES.length ? SQUARES[j] : -1);
    }
}
