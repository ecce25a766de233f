package org.jbpf.it.newuser;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Fields of every integer width in a local @Struct changed by compound assignment, as a user packs counters. */
@Bpf(license = "GPL")
public final class MixedWidths {
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

    @org.jbpf.Struct
    public static final class Counters {
        public byte small;
        public short medium;
        public char unsignedMedium;
        public int word;
        public long wide;
    }

    static long compute(long a, long b) {
        Counters c = new Counters();
        c.small += (byte) a;
        c.small *= 3;
        c.medium -= (short) b;
        c.medium >>= 2;
        c.unsignedMedium += (char) a;
        c.unsignedMedium ^= 0x8001;
        c.word |= (int) b;
        c.word <<= (int) (a & 7);
        c.wide += c.small + c.medium + c.unsignedMedium + c.word;
        c.wide %= 1_000_003;
        c.small >>>= 1;
        c.medium /= (short) (b | 1);
        return c.wide * 1_000_000L + c.small * 1000L + c.medium + c.unsignedMedium;
    }
}
