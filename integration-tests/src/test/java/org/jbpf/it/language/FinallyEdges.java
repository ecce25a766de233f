package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** try/finally where the finally block changes what the try block returns (Java returns the value computed before), runs on break and continue out of loops, and nests. */
@Bpf(license = "GPL")
public final class FinallyEdges {
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

    static long returnsBeforeFinally(long x) {
        long v = x;
        try {
            return v;
        } finally {
            v += 100;          // the value to return was taken already
        }
    }

    static long finallyOverrides(long x) {
        long[] box = {x};
        try {
            box[0] += 1;
            return box[0];
        } finally {
            box[0] *= 2;       // the returned value is the number before, not the array
        }
    }

    static long loops(long a, long b) {
        long sum = 0;
        for (int i = 0; i < 8; i++) {
            try {
                if (((a >> i) & 1) == 0) continue;
                if (((b >> i) & 3) == 3) break;
                sum += i;
            } finally {
                sum += 10;
                try {
                    if ((i & 1) == 0) sum *= 3;
                } finally {
                    sum -= 1;
                }
            }
        }
        return sum;
    }

    static long compute(long a, long b) {
        return returnsBeforeFinally(a) * 7 + finallyOverrides(b) * 3 + loops(a, b);
    }
}
