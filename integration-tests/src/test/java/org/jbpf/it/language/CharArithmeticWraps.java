package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.NoInline;
import org.jbpf.Section;
import org.jbpf.Size;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** char arithmetic that wraps at 65536, chars compared with negative ints, digit values below '0', and chars widened to long. */
@Bpf(license = "GPL")
public final class CharArithmeticWraps {
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

    static long compute(long a, long b) {
        char c = (char) a;
        c++;
        c += 70000;
        char d = (char) (b >>> 5);
        d -= 'z';
        int digit = c - '0';
        long r = c * 3L + d * 5L + digit * 7L;
        if (c > -1) r += 11;
        if ((short) c < 0) r += 13;
        char e = Character.MAX_VALUE;
        e += (char) b;
        r += e + (long) (char) -1 + (c < d ? 17 : 19);
        return r;
    }
}
