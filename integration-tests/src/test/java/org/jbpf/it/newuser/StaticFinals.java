package org.jbpf.it.newuser;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** static final constants of every width and a static final String length and values computed from them, folded into the code, as a user names limits. */
@Bpf(license = "GPL")
public final class StaticFinals {
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

    static final int LIMIT = 4096;
    static final long BIG = 1L << 40;
    static final short SMALL = -300;
    static final byte TINY = 0x7f;
    static final char MARK = 'Z';
    static final boolean STRICT = true;
    static final String TAG = "jbpf-new-user";
    static final int TAG_LENGTH = TAG.length();
    static final long WINDOW = LIMIT * 1_000_000L + TAG_LENGTH * 3 - (BIG >>> 38);
    static final byte NARROW = (byte) (TAG_LENGTH * 20);

    static long compute(long a, long b) {
        long r = a % LIMIT;
        if (STRICT && r < 0) r += LIMIT;
        r += (b & 1) == 0 ? BIG : -BIG;
        r += SMALL * (b & 3) + TINY + MARK;
        return r * TAG_LENGTH + WINDOW % (b | 1) + NARROW;
    }
}
