package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Size;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** An array handed to a helper that wraps it in a record, then written by the caller: the copy is made inside the helper. */
@Bpf(license = "GPL")
public final class CopiedInHelper {
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

    static Buf wrap(long[] values) {
        return new Buf(values.length, values);
    }

    static long compute(long a, long b) {
        long[] v = new long[3];
        Buf x = wrap(v);
        v[1] = a;
        return x.values()[1] + b;
    }
}
