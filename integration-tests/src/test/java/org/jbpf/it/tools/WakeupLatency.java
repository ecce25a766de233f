package org.jbpf.it.tools;

import org.jbpf.examples.kernel.TaskStruct;
import static org.jbpf.Helpers.ktime;

import org.jbpf.Bpf;
import org.jbpf.Constant;
import org.jbpf.Section;
import org.jbpf.TracingContext;
import org.jbpf.maps.HashMap;
import org.jbpf.maps.Scratch;

/**
 * Wakeup latency for the threads of the process {@code targetPid}, on the BTF-typed sched_wakeup (the woken task) and
 * sched_switch (preempt, prev, next, prev_state): the time from a thread's wakeup to the switch that runs it, per
 * thread as a count, a total and the longest. A wakeup seen while the thread still runs (it was woken before it could
 * block) is forgotten when it leaves the CPU, so only a wakeup that ends a wait is measured.
 */
@Bpf(license = "GPL")
public final class WakeupLatency {
    @Constant static int targetPid;
    @Scratch public static final HashMap<Integer, Long> wokenAt = new HashMap<>(Integer.class, Long.class, 4096);
    public static final HashMap<Integer, Long> wakeups = new HashMap<>(Integer.class, Long.class, 1024);
    public static final HashMap<Integer, Long> waitedNs = new HashMap<>(Integer.class, Long.class, 1024);
    public static final HashMap<Integer, Long> longestNs = new HashMap<>(Integer.class, Long.class, 1024);

    @Section("tp_btf/sched_wakeup")
    static int onWakeup(TracingContext ctx) {
        TaskStruct woken = ctx.arg(0, TaskStruct.class);
        if (woken.tgid() == targetPid) wokenAt.update(woken.pid(), ktime());
        return 0;
    }

    @Section("tp_btf/sched_switch")
    static int onSwitch(TracingContext ctx) {
        TaskStruct prev = ctx.arg(1, TaskStruct.class), next = ctx.arg(2, TaskStruct.class);
        if (prev.tgid() == targetPid) wokenAt.delete(prev.pid());
        if (next.tgid() != targetPid) return 0;
        int thread = next.pid();
        Long woken = wokenAt.lookup(thread);
        if (woken == null) return 0;
        long waited = ktime() - woken;
        wokenAt.delete(thread);
        wakeups.increment(thread);
        waitedNs.add(thread, waited);
        Long longest = longestNs.lookup(thread);
        if (longest == null || waited > longest) longestNs.update(thread, waited);
        return 0;
    }
}
