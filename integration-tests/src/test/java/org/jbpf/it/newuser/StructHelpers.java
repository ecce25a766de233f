package org.jbpf.it.newuser;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

import org.jbpf.Struct;
/** A local @Struct passed to static helper methods that read and change it, and a byte[] passed to one that fills it. */
@Bpf(license = "GPL")
public final class StructHelpers {
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
    public static final class Acc {
        public long sum;
        public int count;
        public long max;
        public boolean negative;
        public char last;
    }

    static void add(Acc acc, long v) {
        acc.sum += v;
        acc.count++;
        if (v > acc.max || acc.count == 1) acc.max = v;
        acc.negative |= v < 0;
        acc.last = (char) v;
    }

    static void fill(byte[] buf, long v) {
        for (int i = 0; i < buf.length; i++) buf[i] = (byte) (v >> (i & 7) * 8);
    }

    static long sumBytes(byte[] buf) {
        long s = 0;
        for (byte x : buf) s += x;
        return s;
    }

    static long compute(long a, long b) {
        Acc acc = new Acc();
        add(acc, a);
        add(acc, b);
        add(acc, a ^ b);
        byte[] buf = new byte[12];
        fill(buf, a + b);
        return acc.sum + acc.count * 3 + acc.max + (acc.negative ? 1 : 0) + acc.last + sumBytes(buf);
    }
}
