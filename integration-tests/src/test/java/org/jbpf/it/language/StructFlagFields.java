package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** A @Struct of boolean, char, byte and short fields: flags flipped, chars stepped, narrow fields wrapping. */
@Bpf(license = "GPL")
public final class StructFlagFields {
    public static final ArrayMap<Long> in = new ArrayMap<>(Long.class, 2);
    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 1);


    @Struct
    public static final class State {
        public boolean on;
        public char letter;
        public byte small;
        public short mid;
        public int count;
    }

    @Section("xdp")
    static int run(XdpContext ctx) {
        Long a = in.lookup(0);
        Long b = in.lookup(1);
        if (a == null || b == null) return XdpContext.XDP_ABORTED;
        out.update(0, compute(a, b));
        return XdpContext.XDP_PASS;
    }


    static long compute(long a, long b) {
        State s = new State();
        s.on = a > b;
        s.letter = (char) ('a' + (a & 15));
        s.small = (byte) b;
        s.mid = (short) a;
        for (int i = 0; i < 5; i++) {
            s.on = !s.on;
            s.letter++;
            s.small += 100;
            s.mid *= 3;
            if (s.on && s.letter > 'h') s.count++;
        }
        return (s.on ? 1 : 0) + s.letter * 10L + s.small * 1000L + s.mid * 100_000L + s.count;
    }
}
