package org.jbpf.cli.probes;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;
import org.jbpf.maps.ArrayMap;
import org.jbpf.maps.RingBuffer;

/**
 * Sends a record for every read() on the machine into a one-page ring, more than a printer keeps up with.
 * {@code outcomes}: [0] outputs the ring took, [1] outputs it refused, as the probe saw them.
 */
@Bpf(license = "GPL")
public final class ReadFlood {
    public static final RingBuffer events = new RingBuffer(4096);
    public static final ArrayMap<Long> outcomes = new ArrayMap<>(Long.class, 2);

    @Section("tracepoint/syscalls/sys_enter_read")
    static long onRead(TracepointContext ctx) {
        FloodRecord r = new FloodRecord();
        r.seq = 1;
        int outcome = events.output(r) == 0 ? 0 : 1;
        outcomes.increment(outcome);
        return 0;
    }
}
