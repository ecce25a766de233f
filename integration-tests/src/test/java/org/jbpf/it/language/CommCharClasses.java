package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Text bytes classified by char ranges (digits, letters, case) as one writes without java.lang.Character. */
@Bpf(license = "GPL")
public final class CommCharClasses {
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
        byte[] text = new byte[16];
        for (int i = 0; i < 8; i++) {
            text[i] = (byte) (a >>> (i * 8));
            text[i + 8] = (byte) (b >>> (i * 8));
        }
        int digits = 0, upper = 0, lower = 0, value = 0;
        byte[] shouted = new byte[16];
        for (int i = 0; i < text.length; i++) {
            char c = (char) (text[i] & 0xff);
            if (c >= '0' && c <= '9') { digits++; value = value * 10 + (c - '0'); }
            else if (c >= 'A' && c <= 'Z') upper++;
            else if (c >= 'a' && c <= 'z') lower++;
            shouted[i] = (byte) (c >= 'a' && c <= 'z' ? c - ('a' - 'A') : c);
        }
        long r = 0;
        for (byte s : shouted) r = r * 31 + s;
        return r + digits * 1000L + upper * 100L + lower * 10L + value;
    }
}
