package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.NoInline;
import org.jbpf.Section;
import org.jbpf.Size;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** A @NoInline function that changes the struct it is given (a local and an element of a local struct array), seen by the caller as Java sees it. */
@Bpf(license = "GPL")
public final class FunctionMutatesStruct {
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
    }

    @NoInline
    static long add(Acc acc, long v) {
        acc.sum += v;
        acc.count++;
        return acc.sum ^ acc.count;
    }

    static long compute(long a, long b) {
        Acc x = new Acc();
        long r = add(x, a);
        r += add(x, b) * 3;
        Acc[] many = new Acc[3];
        for (int i = 0; i < 3; i++) many[i] = new Acc();
        int k = (int) (a & 1);
        r += add(many[k], b) * 5 + add(many[k + 1], a ^ b);
        return r + x.sum * 7 + x.count * 11 + many[0].sum * 13 + many[1].count + many[2].sum * 17;
    }
}
