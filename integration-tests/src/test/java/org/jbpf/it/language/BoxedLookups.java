package org.jbpf.it.language;

import java.util.Objects;
import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;
import org.jbpf.maps.HashMap;

/**
 * Boxed compares on map lookups, where a value is a pointer into the map and may be null: equals, Objects.equals with
 * a null on either side, {@code z == null || z > 3}, compareTo and unboxing in arithmetic. {@link #combine} runs as is
 * on the JVM with the same boxed values (null where the key is absent).
 */
@Bpf(license = "GPL")
public final class BoxedLookups {
    public static final ArrayMap<Long> in = new ArrayMap<>(Long.class, 2);
    public static final HashMap<Integer, Long> optional = new HashMap<>(Integer.class, Long.class, 4);
    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 1);

    @Section("xdp")
    static int run(XdpContext ctx) {
        out.update(0, combine(in.lookup(0), in.lookup(1), optional.lookup(0)));
        return XdpContext.XDP_PASS;
    }

    static long combine(Long x, Long y, Long z) {
        if (x == null || y == null) return -1;
        long r = 0;
        if (x.equals(y)) r += 1;
        if (Objects.equals(x, z)) r += 2;
        if (Objects.equals(z, y)) r += 4;
        if (z == null || z > 3) r += 8;
        if (x.equals(z)) r += 16;
        Integer i = x.intValue();
        if (x.equals(i)) r += 32;
        if (z != null && z.equals(x)) r += 64;
        if (Objects.equals(z, null)) r += 128;
        return r + x.compareTo(y) * 1000L + (z != null ? z * 3 : 7) + x - i;
    }
}
