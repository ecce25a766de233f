package org.jbpf.it.tools;

import org.jbpf.examples.kernel.TaskStruct;
import static org.jbpf.Helpers.ktime;

import org.jbpf.Bpf;
import org.jbpf.Constant;
import org.jbpf.Helpers;
import org.jbpf.Section;
import org.jbpf.TracingContext;
import org.jbpf.maps.ArrayMap;
import org.jbpf.maps.HashMap;
import org.jbpf.maps.Histogram;
import org.jbpf.maps.Scratch;

/**
 * cpudist for the threads of the process {@code targetPid}: each stretch a thread runs on a CPU, from the switch that
 * runs it to the switch away from it, as a log2 histogram of microseconds, with each thread's stretches and on-CPU
 * time. On the BTF-typed sched_switch (preempt, prev, next, prev_state) both tasks are read directly, so their
 * process ids filter exactly.
 */
@Bpf(license = "GPL")
public final class CpuDist {
    @Constant static int targetPid;
    @Scratch public static final HashMap<Integer, Long> onCpuSince = new HashMap<>(Integer.class, Long.class, 4096);
    public static final HashMap<Integer, Long> stretches = new HashMap<>(Integer.class, Long.class, 1024);
    public static final HashMap<Integer, Long> onCpuNs = new HashMap<>(Integer.class, Long.class, 1024);
    @Histogram public static final ArrayMap<Long> micros = new ArrayMap<>(Long.class, 32);

    @Section("tp_btf/sched_switch")
    static int onSwitch(TracingContext ctx) {
        TaskStruct prev = ctx.arg(1, TaskStruct.class), next = ctx.arg(2, TaskStruct.class);
        long now = ktime();
        if (prev.tgid() == targetPid) {
            int thread = prev.pid();
            Long since = onCpuSince.lookup(thread);
            if (since != null) {
                long ran = now - since;
                onCpuSince.delete(thread);
                stretches.increment(thread);
                onCpuNs.add(thread, ran);
                micros.increment(Math.min(Helpers.log2(ran / 1000), 31));
            }
        }
        if (next.tgid() == targetPid) onCpuSince.update(next.pid(), now);
        return 0;
    }
}
