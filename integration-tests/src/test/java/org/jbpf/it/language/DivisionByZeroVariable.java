package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Division and remainder by a variable that may be zero: jbpf gives x / 0 == 0 and x % 0 == x, as BPF does. */
@Bpf(license = "GPL")
public final class DivisionByZeroVariable {
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
        int x = (int) a, y = (int) b;
        short s = (short) b;
        long r = x / y * 3L + x % y;
        r = r * 31 + a / b + a % b * 5;
        r = r * 31 + Integer.divideUnsigned(x, y) + Integer.remainderUnsigned(x, y) * 7L;
        r = r * 31 + Long.divideUnsigned(a, b) + Long.remainderUnsigned(a, b) * 11;
        r = r * 31 + Math.floorDiv(a, b) + Math.floorMod(x, y) * 13L;
        return r * 31 + x / s + a % s;
    }

    /** compute as the JVM gives it where no divisor is zero, and with BPF's x / 0 == 0 and x % 0 == x where one is. */
    static long reference(long a, long b) {
        int x = (int) a, y = (int) b;
        short s = (short) b;
        long r = (y == 0 ? 0 : x / y) * 3L + (y == 0 ? x : x % y);
        r = r * 31 + (b == 0 ? 0 : a / b) + (b == 0 ? a : a % b) * 5;
        r = r * 31 + (y == 0 ? 0 : Integer.divideUnsigned(x, y)) + (y == 0 ? x : Integer.remainderUnsigned(x, y)) * 7L;
        r = r * 31 + (b == 0 ? 0 : Long.divideUnsigned(a, b)) + (b == 0 ? a : Long.remainderUnsigned(a, b)) * 11;
        r = r * 31 + (b == 0 ? 0 : Math.floorDiv(a, b)) + (y == 0 ? x : Math.floorMod(x, y)) * 13L;
        return r * 31 + (s == 0 ? 0 : x / s) + (s == 0 ? a : a % s);
    }
}
