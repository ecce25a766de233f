package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** A record with its own equals (an instanceof pattern on Object) and hashCode, which translate as any other method. */
@Bpf(license = "GPL")
public final class RecordOwnEquals {
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
    public record Key(int pid, int cpu) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.pid == pid && k.cpu == cpu;
        }

        @Override
        public int hashCode() { return pid * 31 + cpu; }

        boolean sameCpu(Key o) { return o.cpu() == cpu; }
    }

    static long compute(long a, long b) {
        Key k = new Key((int) a, (int) b & 3);
        Key l = new Key((int) (a >> 1) * 2 + (int) (a & 1), (int) (a >> 32) & 3);
        return (k.equals(l) ? 1 : 0) + (k.sameCpu(l) ? 2 : 0) + k.hashCode() * 4L + l.hashCode();
    }
}
