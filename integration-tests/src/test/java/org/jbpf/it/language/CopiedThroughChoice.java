package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Size;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** An array copied into one of two structs, then written through a variable that holds either, then the array read. */
@Bpf(license = "GPL")
public final class CopiedThroughChoice {
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
    public static final class Buf {
        public long tag;
        @Size(3) public long[] values;
    }

    static long compute(long a, long b) {
        long[] v = {a, b, 3};
        Buf x = new Buf();
        Buf other = new Buf();
        x.values = v;
        Buf either = b > 0 ? x : other;
        either.values[1] = a * 2;
        return v[1] + b;
    }
}
