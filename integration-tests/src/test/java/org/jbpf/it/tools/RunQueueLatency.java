package org.jbpf.it.tools;

import static org.jbpf.Helpers.ktime;

import org.jbpf.Bpf;
import org.jbpf.Constant;
import org.jbpf.Helpers;
import org.jbpf.Section;
import org.jbpf.Strings;
import org.jbpf.TracingContext;
import org.jbpf.examples.kernel.TaskStruct;
import org.jbpf.maps.ArrayMap;
import org.jbpf.maps.HashMap;
import org.jbpf.maps.Histogram;

/**
 * runqlat for the threads named "jt-runq..." of the process {@code targetPid}: the time from a wakeup to the switch
 * that runs the woken thread, as a log2 histogram of microseconds; every switch to such a thread is counted per thread
 * as well. On the BTF-typed sched_wakeup (the woken task) and sched_switch (preempt, prev, next, prev_state) the tasks
 * are read directly, so their process and name filter exactly; and such a program runs straight from the tracepoint,
 * with no perf buffer whose per-CPU guard could drop a run uncounted: a run the kernel skips is counted in the
 * program's recursion misses.
 */
@Bpf(license = "GPL")
public final class RunQueueLatency {
    @Constant static int targetPid;
    public static final HashMap<Integer, Long> wokenAt = new HashMap<>(Integer.class, Long.class, 4096);
    public static final HashMap<Integer, Long> switchesIn = new HashMap<>(Integer.class, Long.class, 1024);
    public static final HashMap<Integer, Long> waitedNs = new HashMap<>(Integer.class, Long.class, 1024);
    @Histogram public static final ArrayMap<Long> micros = new ArrayMap<>(Long.class, 32);

    @Section("tp_btf/sched_wakeup")
    static int onWakeup(TracingContext ctx) {
        TaskStruct woken = ctx.arg(0, TaskStruct.class);
        if (!followed(woken)) return 0;
        wokenAt.update(woken.pid(), ktime());
        return 0;
    }

    @Section("tp_btf/sched_switch")
    static int onSwitch(TracingContext ctx) {
        TaskStruct next = ctx.arg(2, TaskStruct.class);
        if (!followed(next)) return 0;
        int thread = next.pid();
        switchesIn.increment(thread);
        Long woken = wokenAt.lookup(thread);
        if (woken == null) return 0;
        long waited = ktime() - woken;
        wokenAt.delete(thread);
        waitedNs.add(thread, waited);
        micros.increment(Math.min(Helpers.log2(waited / 1000), 31));
        return 0;
    }

    /** Whether {@code task} is one of the target process's "jt-runq" threads. */
    static boolean followed(TaskStruct task) {
        if (task.tgid() != targetPid) return false;
        byte[] name = new byte[16];
        task.comm(name);
        return Strings.startsWith(name, "jt-runq");
    }
}
