package org.jbpf.bench;

import org.jbpf.Bpf;
import org.jbpf.Loops;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** A numeric iterator loop over 100,000 numbers, the twin of scripts/bench/c/IteratorSum.bpf.c (bpf_for in C). */
@Bpf(license = "GPL")
public final class IteratorSum {
    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 2);

    @Section("xdp")
    static int sum(XdpContext ctx) {
        long total = 0, count = 0;
        Loops.Numbers it = Loops.numbers(0, 100_000);
        while (it.next()) {
            total += it.value();
            count++;
        }
        it.close();
        out.update(0, total);
        out.update(1, count);
        return XdpContext.XDP_PASS;
    }
}
