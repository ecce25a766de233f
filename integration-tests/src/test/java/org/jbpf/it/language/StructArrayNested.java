package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Size;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Arrays of structs inside structs inside an array of structs, indexed by variables that may be out of range. */
@Bpf(license = "GPL")
public final class StructArrayNested {
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
    public static final class Hop {
        public short port;
        public long bytes;
    }

    @Struct
    public static final class Route {
        public int id;
        @Size(3) public Hop[] hops = new Hop[3];

        public Route() {
            for (int i = 0; i < hops.length; i++) hops[i] = new Hop();
        }

        long total() {
            long sum = 0;
            for (Hop h : hops) sum += h.bytes + h.port;
            return sum;
        }
    }

    @Struct
    public static final class Trace {
        public byte flags;
        @Size(2) public Route[] routes = new Route[2];

        public Trace() {
            for (int i = 0; i < routes.length; i++) routes[i] = new Route();
        }
    }

    static long compute(long a, long b) {
        Trace t = new Trace();
        int r = (int) (a & 1), h = (int) (b % 4);   // h from -3 to 3: out of range for some inputs
        t.routes[r].id = (int) a;
        for (int i = 0; i < 3; i++) t.routes[1 - r].hops[i].bytes = b + i;
        if (h >= 0 && h < 3) t.routes[r].hops[h].port = (short) a;
        t.routes[r].hops[(int) (a & 3) % 3].bytes += 7;
        t.flags |= (byte) (t.routes[0].hops[2].bytes & 0x7f);
        long far = h >= 0 && h < 3 ? t.routes[1 - r].hops[h].bytes : 0;
        return t.routes[0].total() * 3 + t.routes[1].total() + t.routes[r].id + t.flags + far;
    }
}
