package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/**
 * Divisions by a long that is the constant zero, each behind a test of it against zero, as the refusal of a division
 * by the constant zero advises: the divisions never run, so the program is valid Java and translates. Slot 3 divides
 * by a guarded quotient that is zero on one path into it, behind a test of that same quotient against zero.
 */
@Bpf(license = "GPL")
public final class GuardedZeroDivision {
    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 4);

    @Section("xdp")
    static int run(XdpContext ctx) {
        long n = ctx.length(), zero = 0L;
        out.update(0, zero == 0L ? -1L : n / zero);
        if (zero != 0L) out.update(1, n % zero);
        else out.update(1, n);
        out.update(2, zero > 0L ? n / zero : zero < 0L ? n % zero : n * 2);
        long q = n - 60;
        out.update(3, (q == 0L ? 0L : n / q) == 0L ? n + 1 : n % (q == 0L ? 0L : n / q));
        return XdpContext.XDP_PASS;
    }
}
