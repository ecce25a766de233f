package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Loops;
import org.jbpf.Section;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/**
 * A Loops.repeat lambda that captures a map value (a Long tested against null) and a @Struct map value: the body
 * updates the map under the value's key, yet the captured Long keeps the number it had when the lambda was made, as
 * Java's box does; the struct is the map's element, shared as Java shares it, so the body's writes stay in the map.
 */
@Bpf(license = "GPL")
public final class LoopCapturedLookup {
    public static final ArrayMap<Long> in = new ArrayMap<>(Long.class, 1);
    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 2);
    public static final ArrayMap<Totals> totals = new ArrayMap<>(Totals.class, 1);

    @Struct
    public static final class Totals {
        public long sum;
        public int runs;
    }

    @Struct
    public static final class Sum {
        public long total;
    }

    @Section("xdp")
    static int run(XdpContext ctx) {
        Long a = in.lookup(0);
        Totals t = totals.lookup(0);
        if (a == null || t == null) return XdpContext.XDP_ABORTED;
        Sum s = new Sum();
        int n = (int) (a & 3) + 1;
        Loops.repeat(n, (i, st) -> {
            in.update(0, a + i + 1);
            st.total += a;
            t.sum += a * (i + 1);
            t.runs++;
            return 0;
        }, s);
        Long now = in.lookup(0);
        out.update(0, s.total);
        out.update(1, now == null ? -1 : now);
        return XdpContext.XDP_PASS;
    }

    /** What run leaves in out[0], out[1] and the totals' sum for input a, from totals that held sum and runs. */
    static long[] expected(long a, long sum, int runs) {
        int n = (int) (a & 3) + 1;
        long total = 0, now = a;
        for (int i = 0; i < n; i++) {
            now = a + i + 1;
            total += a;
            sum += a * (i + 1);
            runs++;
        }
        return new long[] {total, now, sum, runs};
    }
}
