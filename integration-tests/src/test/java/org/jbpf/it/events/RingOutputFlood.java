package org.jbpf.it.events;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.examples.events.Record64;
import org.jbpf.maps.ArrayMap;
import org.jbpf.maps.RingBuffer;

/**
 * Copies one {@link Record64} into the one-page ring {@code events} with {@code output} each time it runs, and counts
 * the outcomes itself. {@code quiet}, declared first, is never written, so {@code events} has the second drop slot.
 * {@code counts}: [0] attempts, [1] outputs the ring took, [2] outputs it refused.
 */
@Bpf(license = "GPL")
public final class RingOutputFlood {
    public static final RingBuffer quiet = new RingBuffer(4096);
    public static final RingBuffer events = new RingBuffer(4096);
    public static final ArrayMap<Long> counts = new ArrayMap<>(Long.class, 3);

    @Section("xdp")
    static int produce(XdpContext ctx) {
        Long attempts = counts.lookup(0);
        long seq = attempts != null ? attempts : 0;
        counts.update(0, seq + 1);
        Record64 r = new Record64();
        r.seq = seq;
        int outcome = events.output(r) == 0 ? 1 : 2;
        Long n = counts.lookup(outcome);
        if (n != null) counts.update(outcome, n + 1);
        return XdpContext.XDP_PASS;
    }
}
