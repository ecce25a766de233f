package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/**
 * Divisions by a long that is the constant zero, each behind a test of it against zero, as the refusal of a division
 * by the constant zero advises: the divisions never run, so the program is valid Java and translates.
 */
@Bpf(license = "GPL")
public final class GuardedZeroDivision {
    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 3);

    @Section("xdp")
    static int run(XdpContext ctx) {
        long n = ctx.length(), zero = 0L;
        out.update(0, zero == 0L ? -1L : n / zero);
        if (zero != 0L) out.update(1, n % zero);
        else out.update(1, n);
        out.update(2, zero > 0L ? n / zero : zero < 0L ? n % zero : n * 2);
        return XdpContext.XDP_PASS;
    }
}
