package org.jbpf.it.newuser;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Character arithmetic: digits and letters classified and converted without java.lang.Character. */
@Bpf(license = "GPL")
public final class CharsAndDigits {
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
        long r = 0;
        for (int i = 0; i < 8; i++) {
            char c = (char) ((a >>> (8 * i)) & 0x7f);
            if (c >= (char) 48 && c <= (char) 57) r = r * 10 + (c - 48);
            else if (c >= (char) 97 && c <= (char) 122) r += c - 97 + 10;
            else if (c >= (char) 65 && c <= (char) 90) r += (char) (c + 32);
        }
        char up = (char) (b & 0xffff);
        up += 1;
        return r + up;
    }
}
