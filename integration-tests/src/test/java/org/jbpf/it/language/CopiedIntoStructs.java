package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Size;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/**
 * Arrays and structs stored into struct fields the common ways, where the copy a struct holds cannot be told from
 * Java's shared object: built and stored and not touched again, read again while neither side changes, written only
 * through the struct afterwards, stored again after each change in a loop, made afresh in each turn of a loop, handed
 * to a helper that wraps them, and (in run) put into a map; a field read through a variable and then replaced,
 * the variable read again before its next use.
 */
@Bpf(license = "GPL")
public final class CopiedIntoStructs {
    public static final ArrayMap<Long> in = new ArrayMap<>(Long.class, 2);
    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 1);
    public static final ArrayMap<Hist> hists = new ArrayMap<>(Hist.class, 1);

    @Section("xdp")
    static int run(XdpContext ctx) {
        Long a = in.lookup(0);
        Long b = in.lookup(1);
        if (a == null || b == null) return XdpContext.XDP_ABORTED;
        out.update(0, compute(a, b));
        long[] buckets = new long[4];
        buckets[(int) (a & 3)] = b;
        hists.update(0, new Hist(a, buckets));   // built, put into a map and left
        return XdpContext.XDP_PASS;
    }

    @Struct
    public record Buf(long tag, @Size(3) long[] values) {
        long sum() { return values[0] + values[1] + values[2]; }
    }

    @Struct
    public record Hist(long count, @Size(4) long[] buckets) {}

    @Struct
    public static final class Point {
        public long x;
        public long y;
    }

    @Struct
    public static final class Segment {
        public Point from = new Point();
        public Point to = new Point();
        @Size(3) public long[] marks;
    }

    static Buf wrap(long tag, long[] values) {
        return new Buf(tag, values);
    }

    static long compute(long a, long b) {
        long[] v = {a, b, a ^ b};
        Buf x = new Buf(7, v);                          // built, stored, read only
        long early = v[0] - x.values()[1] + x.sum();    // both names read while neither changes
        x.values()[2] += 5;                             // written through the struct only from here on
        long[] w = new long[3];
        Segment s = new Segment();
        for (int k = 0; k < 3; k++) {                   // changed, then stored again
            w[k] = a + k;
            s.marks = w;
        }
        Point p = new Point();
        p.x = a & 0xff;
        p.y = b & 0xff;
        s.from = p;
        long before = p.x + p.y;                        // the source read, the segment not written yet
        s.from.x *= 3;
        long total = 0;
        for (int k = 0; k < 3; k++) {                   // a new array each turn, stored and left
            long[] u = new long[3];
            u[k] = b + k;
            Buf y = wrap(k, u);
            total += y.sum() * (k + 1) + y.tag();
        }
        for (int k = 0; k < 3; k++) {                   // a field read, changed, then replaced, and read again next turn
            Point cur = s.to;
            cur.y += k + (b & 3);
            Point next = new Point();
            next.x = cur.y * 2;
            s.to = next;
        }
        return early * 3 + x.sum() * 5 + s.marks[0] + s.marks[2] * 7 + s.from.x * 11 + s.from.y + before * 13 + total
                + s.to.x * 17 + s.to.y;
    }
}
