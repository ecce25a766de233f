package org.jbpf.it.tools;

import static org.jbpf.Helpers.cpu;
import static org.jbpf.Helpers.ktime;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.RawTracepointContext;
import org.jbpf.maps.HashMap;
import org.jbpf.maps.Scratch;

/**
 * softirqs: how many times each softirq vector ran on each CPU and for how long, from irq:softirq_entry to
 * irq:softirq_exit, on the raw tracepoints (their one argument is the vector): a raw tracepoint program runs straight
 * from the tracepoint, with no perf buffer whose per-CPU guard could drop a run uncounted, and a run the kernel skips is
 * counted in the program's recursion misses. Keys are {@code cpu * 16 + vector} (HI 0, TIMER 1, NET_TX 2, NET_RX 3, ... RCU 9); softirqs do not
 * nest on one CPU, so one start per key is enough.
 */
@Bpf(license = "GPL")
public final class SoftirqTime {
    @Scratch public static final HashMap<Integer, Long> startedAt = new HashMap<>(Integer.class, Long.class, 4096);
    public static final HashMap<Integer, Long> runs = new HashMap<>(Integer.class, Long.class, 4096);
    public static final HashMap<Integer, Long> nanos = new HashMap<>(Integer.class, Long.class, 4096);

    @Section("raw_tracepoint/softirq_entry")
    static int onEntry(RawTracepointContext ctx) {
        int key = cpu() * 16 + (int) ctx.arg(0);
        runs.increment(key);
        startedAt.update(key, ktime());
        return 0;
    }

    @Section("raw_tracepoint/softirq_exit")
    static int onExit(RawTracepointContext ctx) {
        int key = cpu() * 16 + (int) ctx.arg(0);
        Long started = startedAt.lookup(key);
        if (started == null) return 0;   // entered before the probe was attached
        nanos.add(key, ktime() - started);
        startedAt.delete(key);
        return 0;
    }
}
