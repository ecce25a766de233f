package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Size;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** A @Struct record implementing an interface whose default method calls the abstract one, with interface constants and a static interface helper. */
@Bpf(license = "GPL")
public final class InterfaceDefaults {
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
        long SCALE = 3;
        int SIDES_MAX = 12;

        long area();

        default long scaled() { return area() * SCALE + sides(); }

        default long sides() { return 0; }

        static long twice(Shape s) { return s.scaled() * 2; }
    }

    @Struct
    public record Rect(long w, long h) implements Shape {
        public long area() { return w * h; }

        @Override public long sides() { return 4; }
    }

    @Struct
    public record Tri(long base, long height) implements Shape {
        public long area() { return base * height / 2; }
    }

    static long compute(long a, long b) {
        Rect r = new Rect(a & 0xffff, b & 0xff);
        Tri t = new Tri(b & 0x7ff, a >>> 50);
        return r.scaled() + Shape.twice(t) * 5 + Shape.twice(r) + Shape.SIDES_MAX * t.scaled();
    }
}
