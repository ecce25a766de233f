package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** A binary search over a sorted static final table, with the loop bounded as the verifier needs. */
@Bpf(license = "GPL")
public final class BinarySearchTable {
    public static final ArrayMap<Long> in = new ArrayMap<>(Long.class, 2);
    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 1);


    static final int[] PRIMES = {2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53};

    /** The index of v in PRIMES, or -(insertion point) - 1 as Arrays.binarySearch gives. */
    static int indexOf(int v) {
        int lo = 0, hi = PRIMES.length - 1;
        for (int round = 0; round < 5 && lo <= hi; round++) {
            int mid = (lo + hi) >>> 1;
            int p = PRIMES[mid];
            if (p < v) lo = mid + 1;
            else if (p > v) hi = mid - 1;
            else return mid;
        }
        return -(lo + 1);
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
        return indexOf((int) (a & 0x3ff)) * 100L + indexOf((int) b) + indexOf(PRIMES[(int) (b & 15)]);
    }
}
