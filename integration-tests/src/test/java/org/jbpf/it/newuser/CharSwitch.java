package org.jbpf.it.newuser;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Switches on a char and a byte, as a user parses a byte of a command name. */
@Bpf(license = "GPL")
public final class CharSwitch {
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
        char c = (char) (a & 0x7f);
        int kind;
        switch (c) {
            case (char) 47: kind = 1; break;
            case (char) 46: kind = 2; break;
            case (char) 97: case (char) 101: case (char) 105: case (char) 111: case (char) 117: kind = 3; break;
            default: kind = c < 48 ? 4 : 5;
        }
        byte t = (byte) b;
        long r;
        switch (t) {
            case -1: r = 10; break;
            case 0: r = 20; break;
            case 127: r = 30; break;
            case -128: r = 40; break;
            default: r = t;
        }
        return kind * 1000 + r;
    }
}
