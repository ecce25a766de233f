package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** A switch expression inside an arm of another, over ints and chars. */
@Bpf(license = "GPL")
public final class NestedSwitchExpressions {
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
        int k = (int) (a & 3);
        char c = (char) ('a' + (b & 7));
        return switch (k) {
            case 0 -> switch (c) {
                case 'a', 'e' -> 1;
                case 'b' -> {
                    long t = b * 3;
                    yield t ^ a;
                }
                default -> c;
            };
            case 1 -> {
                int inner = switch ((int) (b & 1)) { case 0 -> 7; default -> -7; };
                yield inner * a;
            }
            default -> k + switch (c) { case 'h' -> 100; default -> 200; };
        };
    }
}
