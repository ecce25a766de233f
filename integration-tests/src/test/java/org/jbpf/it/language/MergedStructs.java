package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** A variable of an interface type holding one of two records, chosen at run time. */
@Bpf(license = "GPL")
public final class MergedStructs {
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

    interface Shape {
        long area();
    }

    @Struct
    public record Circle(long r) implements Shape {
        public long area() { return 3 * r * r; }
    }

    @Struct
    public record Square(long side) implements Shape {
        public long area() { return side * side; }
    }

    static long compute(long a, long b) {
        Shape s = a > b ? new Circle(a & 0xff) : new Square(b & 0xff);
        return s.area();
    }
}
