package org.jbpf.it.newuser;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** static final constants of every primitive type, masks and shifts by them. */
@Bpf(license = "GPL")
public final class Constants {
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

    static final int MASK = 0x0ff0;
    static final long BIG = 0x1234_5678_9abc_def0L;
    static final short SMALL = -300;
    static final byte TINY = -7;
    static final char LETTER = (char) 90;
    static final boolean ENABLED = true;
    static final int SHIFT = 5;

    static long compute(long a, long b) {
        long r = (a & MASK) | (b & BIG);
        r += SMALL * TINY + LETTER;
        if (ENABLED) r ^= a << SHIFT;
        return r + (b >>> SHIFT) + Long.MAX_VALUE / 3 + Integer.MIN_VALUE;
    }
}
