package org.jbpf.it.semantics;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;
import org.jbpf.maps.HashMap;

/**
 * Richer structs: instance methods inlined with {@code this}, records with their canonical constructor and accessors,
 * a struct held by value inside another, and records as map keys and values ({@link StructsKernelTest}).
 */
@Bpf(license = "GPL")
public final class Structs {
    @Struct
    public static final class Point {
        public int x;
        public int y;

        int sum() { return x + y; }

        void scale(int k) {
            x *= k;
            y *= k;
        }

        void moveTo(int nx, int ny) {
            x = nx;
            y = ny;
        }
    }

    @Struct
    public static final class Box {
        public long id;
        /** Held by value in BPF; the initialiser gives Java the same object (it copies a zeroed point in the kernel). */
        public Point lo = new Point();
        public Point hi = new Point();

        long area() { return (long) (hi.x - lo.x) * (hi.y - lo.y); }

        void grow(Point by) {
            Point h = new Point();
            h.moveTo(hi.x + by.x, hi.y + by.y);
            hi = h;
        }

        boolean contains(int x, int y) { return x >= lo.x && x < hi.x && y >= lo.y && y < hi.y; }
    }

    @Struct
    public record Key(int pid, int cpu) {
        Key swapped() { return new Key(cpu, pid); }

        long packed() { return (long) pid << 32 | (cpu & 0xffffffffL); }
    }

    /** A struct with field initialisers and a constructor with code: both run, as in Java. */
    @Struct
    public static final class Counter {
        public long n = 10;
        public int step;

        Counter(int step) { this.step = step * 2; }

        long next() { n += step; return n; }
    }

    public static final ArrayMap<Long> in = new ArrayMap<>(Long.class, 2);
    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 4);
    public static final HashMap<Key, Key> pairs = new HashMap<>(Key.class, Key.class, 16);
    public static final ArrayMap<Box> boxes = new ArrayMap<>(Box.class, 1);

    /** Methods, records, nested structs and constructors computing one number: the same in the JVM and the kernel. */
    static long compute(long a, long b) {
        Point p = new Point();
        p.moveTo((int) a, (int) b);
        p.scale(3);
        Box box = new Box();
        box.lo.moveTo((int) (a & 0xff), (int) (b & 0xff));
        box.hi.x = box.lo.x + (int) (a >>> 60) + 1;
        box.hi.y = box.lo.y + 7;
        Point by = new Point();
        by.moveTo((int) (b & 3), 0);
        box.grow(by);
        Key k = new Key((int) a, (int) (b >> 3));
        Key s = k.swapped();
        Counter c = new Counter((int) (b & 3));
        c.next();
        long r = p.sum() * 31L + box.area();
        r = r * 17 + (box.contains(box.lo.x + 1, box.lo.y + 6) ? 1 : 0) + (box.contains(box.hi.x, box.lo.y) ? 2 : 0);
        r = r * 13 + s.pid() - s.cpu() + (k.packed() ^ s.packed());
        return r * 7 + c.next() + c.n;
    }

    @Section("xdp/compute")
    static int runCompute(XdpContext ctx) {
        Long a = in.lookup(0), b = in.lookup(1);
        if (a == null || b == null) return XdpContext.XDP_ABORTED;
        out.update(0, compute(a, b));
        return XdpContext.XDP_PASS;
    }

    /** Stores the swapped record under the record made of in[0] and in[1]: a record as map key and value. */
    @Section("xdp/pairs")
    static int runPairs(XdpContext ctx) {
        Long a = in.lookup(0), b = in.lookup(1);
        if (a == null || b == null) return XdpContext.XDP_ABORTED;
        Key k = new Key((int) (long) a, (int) (long) b);
        pairs.update(k, k.swapped());
        Key back = pairs.lookup(k);
        if (back == null) return XdpContext.XDP_DROP;
        out.update(1, (long) back.pid() * 1000 + back.cpu());
        return XdpContext.XDP_PASS;
    }

    /** Grows the box in the map in place through its nested points and methods. */
    @Section("xdp/box")
    static int runBox(XdpContext ctx) {
        Long a = in.lookup(0);
        Box box = boxes.lookup(0);
        if (a == null || box == null) return XdpContext.XDP_ABORTED;
        box.id++;
        box.hi.moveTo(box.hi.x + (int) (long) a, box.hi.y + 1);
        box.lo.scale(2);
        out.update(2, box.area());
        return XdpContext.XDP_PASS;
    }
}
