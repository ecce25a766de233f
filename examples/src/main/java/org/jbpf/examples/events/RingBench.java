package org.jbpf.examples.events;

import static org.jbpf.Helpers.ktime;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;
import org.jbpf.maps.RingBuffer;

/**
 * The ring buffer benchmark's producer: one {@link Record64} into a 64 MiB ring per run (BPF_PROG_TEST_RUN with a
 * repeat count fills it in one call). {@code counts}: [0] attempts, [1] submitted, [2] failed reserves.
 */
@Bpf(license = "GPL")
public final class RingBench {
    public static final RingBuffer events = new RingBuffer(1 << 26);
    public static final ArrayMap<Long> counts = new ArrayMap<>(Long.class, 3);

    @Section("xdp")
    static int produce(XdpContext ctx) {
        Long attempts = counts.lookup(0);
        long seq = attempts != null ? attempts : 0;
        counts.update(0, seq + 1);
        Record64 r = events.reserve(Record64.class);
        int outcome = r != null ? 1 : 2;
        if (r != null) {
            r.seq = seq;
            r.time = ktime();
            events.submit(r);
        }
        Long n = counts.lookup(outcome);
        if (n != null) counts.update(outcome, n + 1);
        return XdpContext.XDP_PASS;
    }
}
