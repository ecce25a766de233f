package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Size;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** A long written as decimal text into a byte array (sign, MIN_VALUE, zero), then its length and bytes folded. */
@Bpf(license = "GPL")
public final class DecimalText {
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

    static int format(long v, byte[] buf) {
        int n = 0;
        boolean negative = v < 0;
        byte[] digits = new byte[20];
        int k = 0;
        do {
            long d = v % 10;
            digits[k++] = (byte) ('0' + (negative ? -d : d));
            v /= 10;
        } while (v != 0 && k < 20);
        if (negative) buf[n++] = '-';
        while (k > 0) buf[n++] = digits[--k];
        return n;
    }

    static long compute(long a, long b) {
        byte[] buf = new byte[24];
        int n = format(a, buf);
        long h = n;
        for (int i = 0; i < buf.length; i++) h = h * 31 + buf[i];
        char c = (char) ('a' + (int) (b & 15));
        c += 2;
        return h + c * 7 + (char) (c - 'a');
    }
}
