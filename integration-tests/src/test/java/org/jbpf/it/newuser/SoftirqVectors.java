package org.jbpf.it.newuser;

import org.jbpf.examples.kernel.SoftirqEntry;
import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;
import org.jbpf.maps.PerCpuArray;

/** Softirqs counted per vector (irq/softirq_entry's typed record) in a per-CPU array; vectors past the known ten are counted apart. */
@Bpf(license = "GPL")
public final class SoftirqVectors {
    static final int NET_RX = 3, VECTORS = 10;
    public static final PerCpuArray<Long> byVector = new PerCpuArray<>(Long.class, VECTORS);
    static long unknown;

    @Section("tracepoint/irq/softirq_entry")
    static int onSoftirq(TracepointContext ctx) {
        int vec = ctx.as(SoftirqEntry.class).vec;
        if (vec < 0 || vec >= VECTORS) {
            unknown++;
            return 0;
        }
        byVector.increment(vec);
        return 0;
    }
}
