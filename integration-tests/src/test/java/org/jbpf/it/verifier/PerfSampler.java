package org.jbpf.it.verifier;

import org.jbpf.Bpf;
import org.jbpf.PtRegs;
import org.jbpf.Section;
import org.jbpf.maps.HashMap;

/** A perf_event probe: counts samples per instruction pointer and per stack pointer page. */
@Bpf(license = "GPL")
public final class PerfSampler {
    public static final HashMap<Long, Long> samples = new HashMap<>(Long.class, Long.class, 1024);

    @Section("perf_event")
    static long sample(PtRegs ctx) {
        long key = ctx.ip() ^ (ctx.sp() >>> 12);
        Long n = samples.lookup(key);
        if (n != null) samples.update(key, n + 1);
        else samples.update(key, 1L);
        return 0;
    }
}
