package org.jbpf.translator.intrinsic;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Probes taking the absolute value and the trailing zeros of a local, read from a map so nothing folds. */
final class UnlinkedBitProbes {
    private UnlinkedBitProbes() {}

    /** Math.abs of an int and of a long, each stored to its own slot of the output map. */
    @Bpf(license = "GPL")
    static final class Abs {
        static final ArrayMap<Long> in = new ArrayMap<>(Long.class, 1);
        static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 2);

        @Section("xdp")
        static int run(XdpContext ctx) {
            Long a = in.lookup(0);
            if (a == null) return XdpContext.XDP_ABORTED;
            long x = a;
            out.update(0, (long) Math.abs((int) x));
            out.update(1, Math.abs(x));
            return XdpContext.XDP_PASS;
        }
    }

    /** Long.numberOfTrailingZeros and Integer.numberOfTrailingZeros of a local. */
    @Bpf(license = "GPL")
    static final class TrailingZeros {
        static final ArrayMap<Long> in = new ArrayMap<>(Long.class, 1);
        static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 2);

        @Section("xdp")
        static int run(XdpContext ctx) {
            Long a = in.lookup(0);
            if (a == null) return XdpContext.XDP_ABORTED;
            long x = a;
            out.update(0, (long) Long.numberOfTrailingZeros(x));
            out.update(1, (long) Integer.numberOfTrailingZeros((int) x));
            return XdpContext.XDP_PASS;
        }
    }
}
