package org.jbpf.it.semantics;

import org.jbpf.Bpf;
import org.jbpf.Helpers;
import org.jbpf.Section;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/**
 * Local structs whose fields the direct backend keeps in registers: branches, a loop and nested copies over them
 * ({@link #compute}), a struct that escapes into a map update and changes after it, and a local array a helper
 * writes through its address, whose earlier stores must not be taken for its contents ({@link LocalStructsKernelTest}).
 */
@Bpf(license = "GPL")
public final class LocalStructs {
    @Struct
    public static final class Pair {
        public long a;
        public long b;
        public int c;

        void swap() {
            long t = a;
            a = b;
            b = t;
            c++;
        }
    }

    @Struct
    public static final class Outer {
        public Pair p = new Pair();
        public Pair q = new Pair();
        public long tag;
    }

    public static final ArrayMap<Long> in = new ArrayMap<>(Long.class, 2);
    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 4);
    public static final ArrayMap<Pair> pairs = new ArrayMap<>(Pair.class, 2);

    static long compute(long x, long y) {
        Pair p = new Pair();
        p.a = x;
        p.b = y;
        if ((x & 1) != 0) p.swap();
        Outer o = new Outer();
        o.p = p;   // a copy in BPF, the same object in Java: p is not used after this
        o.q.a = p.b * 3;
        for (int i = 0; i < 4; i++) {
            o.tag += o.p.a ^ i;
            if (o.tag > y) o.q.b++;
            else o.p.c += i;
        }
        return o.tag * 31 + o.q.a - o.q.b * 7 + o.p.c + o.p.a;
    }

    @Section("xdp/compute")
    static int runCompute(XdpContext ctx) {
        Long a = in.lookup(0), b = in.lookup(1);
        if (a == null || b == null) return XdpContext.XDP_ABORTED;
        out.update(0, compute(a, b));
        return XdpContext.XDP_PASS;
    }

    /** A pair stored into the map, then changed and stored again: each update sees the fields as they were then. */
    @Section("xdp/escape")
    static int runEscape(XdpContext ctx) {
        Long a = in.lookup(0);
        if (a == null) return XdpContext.XDP_ABORTED;
        Pair p = new Pair();
        p.a = a;
        p.c = 1;
        pairs.update(0, p);
        p.a = p.a + 1;
        p.b = p.c + 41;
        pairs.update(1, p);
        return XdpContext.XDP_PASS;
    }

    /**
     * A helper writes a local array through its address: a read of the kernel's address 0 fails and zeroes the
     * buffer, so the 5 and 6 stored before it are gone.
     */
    @Section("xdp/overwritten")
    static int runOverwritten(XdpContext ctx) {
        byte[] buf = new byte[8];
        buf[0] = 5;
        buf[1] = 6;
        int rc = Helpers.probeReadKernel(buf, 8, 0);
        out.update(3, rc < 0 ? 1000L + buf[0] * 10 + buf[1] : -1L);
        return XdpContext.XDP_PASS;
    }
}
