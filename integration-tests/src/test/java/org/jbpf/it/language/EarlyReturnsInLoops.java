package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Returns from a loop, from a loop in a loop and from a do-while, each after partial updates the caller sees no trace of. */
@Bpf(license = "GPL")
public final class EarlyReturnsInLoops {
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

    static long firstDigit(long v, int base) {
        for (int i = 0; i < 20; i++) {
            long d = v % base;
            if (d == base - 1) return i;
            v /= base;
            if (v == 0) return -i - 1;
        }
        return 99;
    }

    static int pairSum(long a, long b, int target) {
        for (int i = 0; i < 4; i++) {
            int x = (int) ((a >>> (i * 16)) & 0xffff);
            for (int j = 0; j < 4; j++) {
                int y = (int) ((b >>> (j * 16)) & 0xffff);
                if (((x + y) & 0xff) == target) return i * 4 + j;
                if (x == y) return -(i * 4 + j) - 1;
            }
        }
        return 100;
    }

    static long countDown(long v) {
        long n = 0;
        do {
            if ((v & 0xf) == 0xf) return n * 1000;
            v >>>= 4;
            n++;
        } while (v != 0);
        return n;
    }

    static long compute(long a, long b) {
        int base = (int) ((b & 7) + 2);
        return firstDigit(a & Long.MAX_VALUE, base) * 1_000_000L + pairSum(a, b, (int) (a & 0xff)) * 1000L + countDown(a ^ b);
    }
}
