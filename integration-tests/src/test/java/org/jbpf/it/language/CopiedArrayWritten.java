package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Size;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** An array given to a record's constructor and written afterwards: Java's record would see the write, the struct holds a copy. */
@Bpf(license = "GPL")
public final class CopiedArrayWritten {
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
    public record Buf(long tag, @Size(3) long[] values) {}

    static long compute(long a, long b) {
        long[] v = {1, 2, 3};
        Buf x = new Buf(7, v);
        v[2] = a;
        return x.values()[2] + b;
    }
}
