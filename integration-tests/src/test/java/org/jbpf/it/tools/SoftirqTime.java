package org.jbpf.it.tools;

import static org.jbpf.Helpers.cpu;
import static org.jbpf.Helpers.ktime;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;
import org.jbpf.maps.HashMap;
import org.jbpf.maps.Scratch;

/**
 * softirqs: how many times each softirq vector ran on each CPU and for how long, from irq:softirq_entry to
 * irq:softirq_exit. Keys are {@code cpu * 16 + vector} (HI 0, TIMER 1, NET_TX 2, NET_RX 3, ... RCU 9); softirqs do not
 * nest on one CPU, so one start per key is enough.
 */
@Bpf(license = "GPL")
public final class SoftirqTime {
    @Scratch public static final HashMap<Integer, Long> startedAt = new HashMap<>(Integer.class, Long.class, 4096);
    public static final HashMap<Integer, Long> runs = new HashMap<>(Integer.class, Long.class, 4096);
    public static final HashMap<Integer, Long> nanos = new HashMap<>(Integer.class, Long.class, 4096);

    @Section("tracepoint/irq/softirq_entry")
    static int onEntry(TracepointContext ctx) {
        int key = cpu() * 16 + ctx.as(SoftirqEntry.class).vec;
        runs.increment(key);
        startedAt.update(key, ktime());
        return 0;
    }

    @Section("tracepoint/irq/softirq_exit")
    static int onExit(TracepointContext ctx) {
        int key = cpu() * 16 + ctx.as(SoftirqExit.class).vec;
        Long started = startedAt.lookup(key);
        if (started == null) return 0;   // entered before the probe was attached
        nanos.add(key, ktime() - started);
        startedAt.delete(key);
        return 0;
    }
}
