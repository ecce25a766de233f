package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Lookup tables declared in nested classes (and a class nested in one), of several element types: globals as the probe's own. */
@Bpf(license = "GPL")
public final class NestedClassTable {
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

    static final class Steps {
        static final int[] SIZES = {1, 10, 100, 1000};
        static final long[] WIDE = {-1L, 1L << 40, Long.MAX_VALUE, 7};
        static final byte[] SMALL = {-128, 0, 127, 5};

        static final class Inner {
            static final char[] LETTERS = {'a', 'z', 'Q', '0'};
            static final short[] SHORTS = {-32768, 32767, 12, -1};
        }
    }

    static final int[] SIZES = {2, 3, 5, 7};   // the probe's own table of the same name

    static long compute(long a, long b) {
        int k = (int) (b & 3), j = (int) (a & 3);
        return a * Steps.SIZES[k] + SIZES[k] + Steps.WIDE[j] * 3 + Steps.SMALL[k] + Steps.Inner.LETTERS[j] * 31
                + Steps.Inner.SHORTS[k] + Steps.SIZES.length;
    }
}
