package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Compound assignments, increments and decrements on elements of byte, short, char, int, long and boolean arrays, some used as values. */
@Bpf(license = "GPL")
public final class ArrayElementCompound {
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
        byte[] bytes = {(byte) a, (byte) (a >> 8), 3};
        short[] shorts = {(short) b, (short) (b >> 16), -7};
        char[] chars = {(char) a, (char) b, 'z'};
        int[] ints = {(int) a, (int) b, 11};
        long[] longs = {a, b, -5};
        boolean[] flags = {a > b, (a & 1) == 0, false};
        int k = (int) (b & 1), s = (int) b;
        bytes[k] += (byte) b;
        bytes[2] *= a;
        bytes[k + 1] >>>= 3;
        bytes[0] <<= s;
        bytes[1] ^= -1;
        shorts[k] -= a;
        shorts[2] >>= s;
        shorts[1] >>>= 5;
        shorts[0] |= 0x8001;
        chars[k] += b;
        chars[2]--;
        chars[0] >>= 2;
        chars[1] *= 3;
        ints[k] *= a;
        ints[2] <<= s;
        ints[0] >>>= b;
        if (ints[1] != 0) ints[2] %= ints[1];
        longs[k] <<= s;
        longs[2] >>= b;
        longs[0] -= Long.MIN_VALUE;
        longs[1] &= ~a;
        flags[k] |= b < 0;
        flags[2] ^= true;
        flags[0] &= a != 0;
        long r = bytes[k]++ + ++shorts[1] * 3L + chars[2]-- * 5L + --ints[0] + longs[k]++ * 7;
        for (int i = 0; i < 3; i++) {
            r = r * 31 + bytes[i];
            r = r * 31 + shorts[i];
            r = r * 31 + chars[i];
            r = r * 31 + ints[i];
            r = r * 31 + longs[i];
            r = r * 31 + (flags[i] ? 1 : 0);
        }
        return r;
    }
}
