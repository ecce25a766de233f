package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Size;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/**
 * Arrays and structs copied into the same field of two different struct locals, then one struct's copy written and
 * the other's source read (or one source written and the other struct's copy read): in Java the two structs share
 * two different objects, so neither write reaches the other side, and the copies the structs hold compute the same.
 */
@Bpf(license = "GPL")
public final class CopiesIntoTwoStructs {
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
    public static final class Buf {
        public long tag;
        @Size(3) public long[] values;
    }

    @Struct
    public record Pair(long tag, @Size(2) long[] items) {}

    @Struct
    public static final class Point {
        public long x;
        public long y;
    }

    @Struct
    public static final class Segment {
        public Point from = new Point();
        public Point to = new Point();
    }

    static long compute(long a, long b) {
        long[] v = {a, b, a + b};
        long[] w = {b, a, a - b};
        Buf x = new Buf();
        x.values = v;
        Buf y = new Buf();
        y.values = w;
        y.values[0] += 5;                  // y's copy of w: v and x's copy are other objects
        long first = v[0] * 3 + v[2] + x.values[1];
        v[1] = b ^ 0x55;                   // v written: y's copy is of w
        long second = y.values[0] * 7 + y.values[1] + y.values[2] * 11;
        long[] p = {a & 0xffff, b >>> 3};
        long[] q = {b & 0xff, a >> 2};
        Pair left = new Pair(1, p);
        Pair right = new Pair(2, q);
        right.items()[1] -= a;             // written through right: p is left's
        long third = p[0] + p[1] * 13 + left.items()[1] * 17 + right.items()[1];
        Point from = new Point();
        from.x = a;
        from.y = b;
        Segment s = new Segment();
        Segment t = new Segment();
        s.from = from;
        t.from.x = b * 3;                  // t's own point, not the one s copied
        long fourth = from.x + from.y * 19 + t.from.x + s.from.x * 23;
        return first + second * 29 + third * 31 + fourth * 37;
    }
}
