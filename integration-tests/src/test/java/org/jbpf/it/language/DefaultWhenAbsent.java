package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;
import org.jbpf.maps.HashMap;

/**
 * A looked-up value defaulted when absent by assigning a boxed constant to the same variable
 * ({@code if (v == null) v = 0L;}), in the program and in a helper, and a running best kept in a Long that starts null.
 * {@link #combine} runs as is on the JVM with the same values (null where a key is absent).
 */
@Bpf(license = "GPL")
public final class DefaultWhenAbsent {
    public static final HashMap<Integer, Long> seen = new HashMap<>(Integer.class, Long.class, 8);
    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 1);

    @Section("xdp")
    static int run(XdpContext ctx) {
        Long v = seen.lookup(0);
        if (v == null) v = 0L;
        out.update(0, combine(v, seen.lookup(1), seen.lookup(2), seen.lookup(3)));
        return XdpContext.XDP_PASS;
    }

    static long combine(Long v, Long c1, Long c2, Long c3) {
        if (c1 == null) c1 = 7L;
        Long best = null;
        if (c2 != null && (best == null || c2 > best)) best = c2;
        if (c3 != null && (best == null || c3 > best)) best = c3;
        if (best == null) best = -1L;
        return v * 1_000_000 + c1 * 1000 + best;
    }
}
