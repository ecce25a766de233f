package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** hashCode of boxed numbers and booleans, static and on boxes, mixed as Objects.hash would. */
@Bpf(license = "GPL")
public final class HashCodes {
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
        Long boxed = a;
        Integer small = (int) b;
        int h = 17;
        h = 31 * h + Long.hashCode(a);
        h = 31 * h + Integer.hashCode((int) b);
        h = 31 * h + Short.hashCode((short) a);
        h = 31 * h + Byte.hashCode((byte) b);
        h = 31 * h + Character.hashCode((char) a);
        h = 31 * h + Boolean.hashCode(a > b);
        return h + boxed.hashCode() * 3L + small.hashCode();
    }
}
