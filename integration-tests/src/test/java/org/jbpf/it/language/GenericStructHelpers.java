package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** A record implementing Comparable of itself passed to a generic helper bounded by Comparable: the record's compareTo runs. */
@Bpf(license = "GPL")
public final class GenericStructHelpers {
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
    public record Version(int major, int minor) implements Comparable<Version> {
        public int compareTo(Version o) { return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor); }
    }

    static <T extends Comparable<T>> T newest(T x, T y) { return x.compareTo(y) >= 0 ? x : y; }

    static long compute(long a, long b) {
        Version v = new Version((int) (a & 7), (int) (b & 7));
        Version w = new Version((int) (b & 7), (int) (a & 7));
        Version n = newest(v, w);
        return n.major() * 10L + n.minor() + v.compareTo(w) * 100L;
    }
}
