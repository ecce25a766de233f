package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Ternaries whose arms have different widths (int and long, char and int, short and byte), used in arithmetic and as indexes. */
@Bpf(license = "GPL")
public final class TernaryWidths {
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

    static final int[] SMALL = {3, 1, 4, 1, 5, 9, 2, 6};

    static long compute(long a, long b) {
        int x = (int) a;
        char c = (char) b;
        short s = (short) a;
        byte y = (byte) b;
        long r = (a > b ? x : b) * 3;
        r += (c > 100 ? c : x) + (s < 0 ? s : y);
        r += SMALL[(a & 1) == 0 ? (int) (b & 7) : c & 7];
        long w = (b & 1) != 0 ? x : Long.MAX_VALUE;
        int narrowed = (int) ((a & 2) != 0 ? a : c);
        return r * 31 + w + narrowed + ((b & 4) != 0 ? 'A' : 1L << 40);
    }
}
