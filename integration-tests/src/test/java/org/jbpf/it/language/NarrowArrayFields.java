package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Size;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** byte[] flags, char[] and short[] fields of a struct, set, compared and folded, with negative shorts and chars above 32767. */
@Bpf(license = "GPL")
public final class NarrowArrayFields {
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

    @Struct
    public static final class Flags {
        @Size(8) public byte[] on = new byte[8];
        @Size(4) public char[] tag = new char[4];
        @Size(4) public short[] deltas = new short[4];
        public boolean any;
    }

    static long compute(long a, long b) {
        Flags f = new Flags();
        for (int i = 0; i < 8; i++) f.on[i] = (byte) ((a >>> i) & 1);
        for (int i = 0; i < 4; i++) {
            f.tag[i] = (char) (b >>> (i * 16));
            f.deltas[i] = (short) (a >> (i * 12));
        }
        f.on[(int) (b & 7)] ^= 1;
        f.tag[1] += 40000;
        f.deltas[2] -= 30000;
        long r = 0;
        for (byte o : f.on) { r = r * 2 + o; f.any |= o != 0; }
        for (char c : f.tag) r = r * 31 + c;
        for (short s : f.deltas) r = r * 17 + s;
        return r + (f.any ? 1000 : 0) + (f.tag[0] > f.deltas[0] ? 7 : 3);
    }
}
