package org.jbpf.it.semantics;

import org.jbpf.Bpf;
import org.jbpf.NoInline;
import org.jbpf.Section;
import org.jbpf.Size;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;
import org.jbpf.maps.HashMap;

/**
 * A map value's struct handed to a function, which indexes its array with a value LLVM knows to be small
 * ({@code (x / -1) % 8} of a short): LLVM checked the index through a 16-bit copy and scaled the unchecked one, as
 * the function's parameter was not known to hold an address (found by the random probes with state, seed
 * 36376513974931 program 1; {@link IndexThroughArgumentKernelTest}).
 */
@Bpf(license = "GPL")
public final class IndexThroughArgument {
    public static final ArrayMap<Long> in = new ArrayMap<>(Long.class, 2);
    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 1);
    public static final HashMap<Integer, S> values = new HashMap<>(Integer.class, S.class, 4);

    @Struct
    public static final class N {
        public short x;
        public byte y;
    }

    @Struct
    public static final class S {
        public long a;
        public int b;
        @Size(6) public int[] v = new int[6];
        public N n = new N();
    }

    @NoInline
    static long bump(S v, long p) {
        v.v[(v.n.x / -1) % 8] += Integer.divideUnsigned((int) p, v.n.x + v.b);
        return v.a ^ v.b + v.n.x;
    }

    /** What {@link #run} leaves in {@code out} for inputs a and b, as the JVM computes it (x's index in range). */
    static long compute(long a, long b) {
        S s = new S();
        s.n.x = (short) a;
        s.b = (int) b;
        long r = bump(s, b * 7);
        for (int e : s.v) r = r * 31 + e;
        return r;
    }

    @Section("xdp")
    static int run(XdpContext ctx) {
        Long a = in.lookup(0), b = in.lookup(1);
        if (a == null || b == null) return XdpContext.XDP_ABORTED;
        S fresh = new S();
        fresh.n.x = (short) (long) a;
        fresh.b = (int) (long) b;
        values.update(0, fresh);
        S s = values.lookup(0);
        if (s == null) return XdpContext.XDP_DROP;
        long r = bump(s, b * 7);
        for (int e : s.v) r = r * 31 + e;
        out.update(0, r);
        return XdpContext.XDP_PASS;
    }
}
