package org.jbpf.examples.events;

import static org.jbpf.Helpers.ktime;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;
import org.jbpf.maps.PerfEventArray;

/**
 * Sends one {@link Record64} through a perf event array each time it runs (driven by BPF_PROG_TEST_RUN), so small
 * perf buffers overflow. {@code counts}: [0] attempts, [1] outputs accepted, [2] outputs that failed.
 */
@Bpf(license = "GPL")
public final class PerfFlood {
    public static final PerfEventArray events = new PerfEventArray();
    public static final ArrayMap<Long> counts = new ArrayMap<>(Long.class, 3);

    @Section("xdp")
    static int produce(XdpContext ctx) {
        Long attempts = counts.lookup(0);
        long seq = attempts != null ? attempts : 0;
        counts.update(0, seq + 1);
        Record64 r = new Record64();
        r.seq = seq;
        r.time = ktime();
        long err = events.output(r);
        int outcome = err == 0 ? 1 : 2;
        Long n = counts.lookup(outcome);
        if (n != null) counts.update(outcome, n + 1);
        return XdpContext.XDP_PASS;
    }
}
