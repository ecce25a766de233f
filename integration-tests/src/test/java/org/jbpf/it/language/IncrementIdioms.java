package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.NoInline;
import org.jbpf.Section;
import org.jbpf.Size;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Post- and pre-increments inside expressions, on locals, array elements and struct fields, in Java's evaluation order. */
@Bpf(license = "GPL")
public final class IncrementIdioms {
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
    public static final class Counter {
        public int n;
        public long total;
    }

    static long compute(long a, long b) {
        int i = (int) (a & 7);
        i = i++;
        int j = i;
        j += j++ + ++j;
        long[] c = new long[4];
        int k = (int) (b & 3);
        c[k] += c[(int) (a & 3)]++ + 5;
        c[k++ & 3] = k * 10L;
        Counter x = new Counter();
        x.n = (int) b;
        x.total += x.n++ * 3 + ++x.n;
        int m = x.n--;
        return i * 3L + j * 5L + c[0] + c[1] * 7 + c[2] * 11 + c[3] * 13 + x.n * 17L + x.total * 19 + m;
    }
}
