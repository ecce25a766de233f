package org.jbpf.it.language;

import org.jbpf.Size;
import org.jbpf.Struct;
import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Compound assignments on struct fields and on elements of field and local arrays (s.a[i] += x). */
@Bpf(license = "GPL")
public final class CompoundAssignFields {
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
        public short small;
        @Size(4) public int[] parts = new int[4];
    }

    static long compute(long a, long b) {
        Acc s = new Acc();
        long[] local = new long[3];
        int i = (int) (b & 3);
        s.sum += a;
        s.sum *= 3;
        s.count -= (int) b;
        s.count <<= 2;
        s.small += 30000;
        s.small ^= (short) a;
        s.parts[i] += (int) a;
        s.parts[i] *= 5;
        s.parts[(i + 1) & 3] |= 0xf0;
        s.parts[0]++;
        local[i % 3] += b;
        local[i % 3] >>= 1;
        local[2] -= a;
        return s.sum + s.count + s.small + s.parts[0] + s.parts[1] + s.parts[2] + s.parts[3] + local[0] + local[1] + local[2];
    }
}
