package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Size;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;
import org.jbpf.maps.HashMap;

/**
 * Instance methods of a @Struct called on map values (array and hash maps), and compound assignments of every
 * operator on the elements of their array fields, with the index from the input: the map's values are what the same
 * calls leave in a Java object.
 */
@Bpf(license = "GPL")
public final class MapValueMethods {
    public static final ArrayMap<Long> in = new ArrayMap<>(Long.class, 2);
    public static final ArrayMap<Stats> stats = new ArrayMap<>(Stats.class, 1);
    public static final HashMap<Integer, Stats> byKey = new HashMap<>(Integer.class, Stats.class, 8);
    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 1);

    @Struct
    public static final class Stats {
        @Size(4) public long[] buckets = new long[4];
        @Size(4) public int[] small = new int[4];
        @Size(2) public short[] tiny = new short[2];
        public long sum;
        public int n;

        void add(long x) {
            buckets[(int) (x & 3)] += x;
            sum += x;
            n++;
        }

        long mean() { return n == 0 ? 0 : sum / n; }

        Stats mix(long a, long b) {
            int i = (int) (a & 3), j = (int) (b & 3);
            buckets[i] *= 3;
            buckets[j] -= b;
            buckets[(i + 1) & 3] ^= a;
            buckets[(j + 2) & 3] |= b & 0xf0;
            buckets[3] &= ~(a & 0xff);
            buckets[i] <<= (int) (b & 7);
            buckets[j] >>= 1;
            buckets[0] >>>= (int) (a & 3);
            small[i] += (int) a;
            small[j] *= -3;
            small[(i + j) & 3]--;
            small[2] >>>= (int) (b & 31);
            tiny[(int) (a & 1)] += (short) b;
            tiny[1] -= 1000;
            return this;
        }
    }

    @Section("xdp")
    static int run(XdpContext ctx) {
        Long a = in.lookup(0);
        Long b = in.lookup(1);
        Stats s = stats.lookup(0);
        if (a == null || b == null || s == null) return XdpContext.XDP_ABORTED;
        s.add(a);
        s.add(b);
        s.mix(a, b).add(a ^ b);
        int key = (int) (a & 1);
        Stats h = byKey.lookup(key);
        if (h == null) {
            byKey.update(key, new Stats());
            h = byKey.lookup(key);
            if (h == null) return XdpContext.XDP_DROP;
        }
        h.mix(b, a);
        h.add(b);
        out.update(0, s.mean() * 7 + h.mean());
        return XdpContext.XDP_PASS;
    }
}
