package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Character.isDigit-style helpers written by hand over chars, used on bytes of a local buffer. */
@Bpf(license = "GPL")
public final class DigitHelpers {
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

    static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    static boolean isLetter(int c) {
        return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    }

    static long compute(long a, long b) {
        byte[] text = new byte[8];
        for (int i = 0; i < 8; i++) text[i] = (byte) (a >>> (i * 8));
        int digits = 0, letters = 0;
        long value = 0;
        for (byte c : text) {
            if (isDigit(c)) {
                digits++;
                value = value * 10 + (c - '0');
            } else if (isLetter(c)) {
                letters++;
            }
        }
        return value * 100 + digits * 10 + letters + b;
    }
}
