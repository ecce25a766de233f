package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** A switch over a narrowed long with many labels sharing bodies, a dense table of cases and a sparse one, inside a loop. */
@Bpf(license = "GPL")
public final class GroupedSwitchCases {
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

    static long step(int k) {
        switch (k) {
            case 0: case 1: case 2: return 10;
            case 3: case 5: case 7: return 30 + k;
            case 100: case 1000: case 100000: return -k;
            case -1: return 1;
            default: return k & 3;
        }
    }

    static long compute(long a, long b) {
        long r = 0;
        for (int i = 0; i < 8; i++) {
            int k = (int) ((a >> (i * 7)) & 0x7f) - 1;
            if ((b >> i & 1) != 0) k = k * 1000 / 127 * 100;
            r = r * 3 + step(k);
        }
        return r + step((int) b);
    }
}
