package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Loops;
import org.jbpf.Section;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/**
 * Loops.repeat lambdas made inside a loop, each capturing the outer index of its turn (by value, so each body sees its
 * own), a local struct array and a byte[] (by reference, so the bodies' writes add up), and the early stop a body
 * asks for.
 */
@Bpf(license = "GPL")
public final class LoopCapturedInLoops {
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
    public static final class Cell {
        public long sum;
        public int hits;
    }

    static long compute(long a, long b) {
        Cell[] cells = new Cell[] {new Cell(), new Cell(), new Cell()};
        byte[] marks = new byte[8];
        long r = 0;
        for (int outer = 0; outer < 3; outer++) {
            final int o = outer;
            final long limit = (b >>> (4 * outer)) & 7;
            int ran = Loops.repeat(6, (i, st) -> {
                if (i > limit) return 1;
                cells[(o + i) % 3].sum += a * (o + 1) + i;
                cells[o].hits++;
                marks[(i + o) & 7] += (byte) (o + 1);
                return 0;
            }, null);
            r = r * 7 + ran;
        }
        for (int k = 0; k < 3; k++) r = r * 31 + cells[k].sum * 3 + cells[k].hits;
        for (int k = 0; k < 8; k++) r = r * 5 + marks[k];
        return r;
    }
}
