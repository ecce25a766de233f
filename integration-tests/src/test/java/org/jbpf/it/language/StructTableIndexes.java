package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/**
 * Static final tables of records and of a @Struct class with fields of every width (negative values, a field its
 * constructor leaves 0), read at indexes computed at run time, searched in a loop and binary searched.
 */
@Bpf(license = "GPL")
public final class StructTableIndexes {
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
    public record Port(short number, byte proto, long weight) {}

    @Struct
    public static final class Step {
        public int low;
        public char mark;
        public long scale;
        public byte unset;

        public Step(int low, char mark, long scale) {
            this.low = low;
            this.mark = mark;
            this.scale = scale;
        }
    }

    static final Port[] PORTS = {new Port((short) 22, (byte) 6, 3), new Port((short) 53, (byte) 17, -1), new Port((short) -1, (byte) -2, 1L << 40),
            new Port((short) 443, (byte) 6, Long.MIN_VALUE), new Port((short) 8080, (byte) 6, 7)};

    static final Step[] STEPS = {new Step(-100, 'a', 1), new Step(0, 'b', 10), new Step(10, '\uffff', 100), new Step(1000, 'z', -5),
            new Step(Integer.MAX_VALUE, '0', 1L << 33)};

    static int stepOf(int v) {
        int lo = 0, hi = STEPS.length - 1, found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (STEPS[mid].low <= v) { found = mid; lo = mid + 1; } else hi = mid - 1;
        }
        return found;
    }

    static long compute(long a, long b) {
        int k = (int) (a & 7);
        long r = k < PORTS.length ? PORTS[k].number() * 1000L + PORTS[k].proto() + PORTS[k].weight() : -1;
        for (Port p : PORTS) if (p.number() == (short) b) r += p.weight() ^ p.proto();
        int s = stepOf((int) b);
        if (s >= 0) {
            Step st = STEPS[s];
            r = r * 31 + st.low + st.mark * st.scale + st.unset;
        }
        int j = (int) ((a >>> 8) % STEPS.length);
        if (j >= 0) r += STEPS[j].mark;
        return r + PORTS.length * 100 + STEPS.length;
    }
}
