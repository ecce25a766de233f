package org.jbpf.it.newuser;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** char arithmetic on a local char[] built from the inputs: case changes by offset, hex digits, and a checksum. */
@Bpf(license = "GPL")
public final class CharArithmetic {
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

    static char hexDigit(int v) {
        v &= 15;
        return (char) (v < 10 ? '0' + v : 'a' + v - 10);
    }

    static long compute(long a, long b) {
        char[] text = new char[16];
        for (int i = 0; i < 16; i++) text[i] = hexDigit((int) (a >>> (60 - 4 * i)));
        int upper = 0;
        for (int i = 0; i < 16; i++) {
            char c = text[i];
            if (c >= 'a' && c <= 'f' && ((b >> i) & 1) != 0) {
                text[i] = (char) (c - 'a' + 'A');
                upper++;
            }
        }
        long sum = 0;
        for (char c : text) sum = sum * 131 + c;
        return sum + upper;
    }
}
