package org.jbpf.it.newuser;

import org.jbpf.Bpf;
import org.jbpf.Loops;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Loops.numbers with continue and an accumulator of narrow type, two iterators in sequence. */
@Bpf(license = "GPL")
public final class NumbersWithContinue {
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

    static long compute(long a, long b) {
        int n = (int) (a & 255);
        short acc = 0;
        Loops.Numbers it = Loops.numbers(0, n);
        while (it.next()) {
            int i = it.value();
            if ((i & 3) == (int) (b & 3)) continue;
            acc += (short) (i * 37);
        }
        it.close();
        long squares = 0;
        Loops.Numbers odd = Loops.numbers(1, (int) (b & 63));
        while (odd.next()) if ((odd.value() & 1) == 1) squares += odd.value() * odd.value();
        odd.close();
        return acc * 100_000L + squares;
    }
}
