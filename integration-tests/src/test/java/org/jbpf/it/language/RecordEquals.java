package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Records compared with equals, which javac implements through an invokedynamic bootstrap. */
@Bpf(license = "GPL")
public final class RecordEquals {
    public static final ArrayMap<Long> in = new ArrayMap<>(Long.class, 2);
    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 1);


    @Struct
    public record Key(int pid, int cpu) {}

    @Section("xdp")
    static int run(XdpContext ctx) {
        Long a = in.lookup(0);
        Long b = in.lookup(1);
        if (a == null || b == null) return XdpContext.XDP_ABORTED;
        out.update(0, compute(a, b));
        return XdpContext.XDP_PASS;
    }


    static long compute(long a, long b) {
        Key k = new Key((int) a, (int) b);
        Key l = new Key((int) b, (int) a);
        return k.equals(l) ? 1 : 0;
    }
}
