package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Size;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/**
 * boolean[] fields of a struct beside char[] and short[] ones: set from bits, flipped with ^=, looped over, and copied
 * between two structs' fields and a local boolean[].
 */
@Bpf(license = "GPL")
public final class StructBooleanArray {
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
        @Size(8) public boolean[] on = new boolean[8];
        @Size(4) public char[] tag = new char[4];
        @Size(4) public short[] deltas = new short[4];
        public boolean any;
    }

    static long compute(long a, long b) {
        Flags f = new Flags();
        for (int i = 0; i < 8; i++) f.on[i] = ((a >>> i) & 1) != 0;
        for (int i = 0; i < 4; i++) {
            f.tag[i] = (char) (b >>> (i * 16));
            f.deltas[i] = (short) (a >> (i * 12));
        }
        f.on[(int) (b & 7)] ^= true;
        f.tag[1] += 40000;
        f.deltas[2] -= 30000;
        long r = 0;
        for (boolean o : f.on) { r = r * 2 + (o ? 1 : 0); f.any |= o; }
        for (char c : f.tag) r = r * 31 + c;
        for (short s : f.deltas) r = r * 17 + s;
        Flags g = new Flags();
        boolean[] local = new boolean[8];
        for (int i = 0; i < 8; i++) g.on[7 - i] = f.on[i];
        System.arraycopy(g.on, 2, local, 0, 6);
        local[7] = g.on[0];
        g.on[(int) ((a >>> 3) & 7)] |= (b & 1) == 0;
        for (boolean o : g.on) r = r * 2 + (o ? 1 : 0);
        for (boolean o : local) r = r * 2 + (o ? 1 : 0);
        return r + (f.any ? 1000 : 0) + (f.tag[0] > f.deltas[0] ? 7 : 3);
    }
}
