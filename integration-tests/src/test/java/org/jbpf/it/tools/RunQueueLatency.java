package org.jbpf.it.tools;

import static org.jbpf.Helpers.ktime;
import static org.jbpf.Helpers.pid;

import org.jbpf.Bpf;
import org.jbpf.Constant;
import org.jbpf.Helpers;
import org.jbpf.Section;
import org.jbpf.Strings;
import org.jbpf.TracepointContext;
import org.jbpf.it.newuser.SchedSwitch;
import org.jbpf.maps.ArrayMap;
import org.jbpf.maps.HashMap;
import org.jbpf.maps.Histogram;

/**
 * runqlat for the threads named "jt-runq..." of the process {@code targetPid}: the time from a wakeup to the switch
 * that runs the woken thread, as a log2 histogram of microseconds; every switch to such a thread is counted per thread
 * as well. Neither record names the woken or next thread's process, so a thread is known as the target's once it has
 * left a CPU while current (the switch away from it runs in its own context, where pid() is its process).
 */
@Bpf(license = "GPL")
public final class RunQueueLatency {
    @Constant static int targetPid;
    public static final HashMap<Integer, Integer> targetThreads = new HashMap<>(Integer.class, Integer.class, 1024);
    public static final HashMap<Integer, Long> wokenAt = new HashMap<>(Integer.class, Long.class, 4096);
    public static final HashMap<Integer, Long> switchesIn = new HashMap<>(Integer.class, Long.class, 1024);
    public static final HashMap<Integer, Long> waitedNs = new HashMap<>(Integer.class, Long.class, 1024);
    @Histogram public static final ArrayMap<Long> micros = new ArrayMap<>(Long.class, 32);

    @Section("tracepoint/sched/sched_wakeup")
    static int onWakeup(TracepointContext ctx) {
        SchedWakeup w = ctx.as(SchedWakeup.class);
        if (Strings.startsWith(w.comm, "jt-runq") && targetThreads.lookup(w.pid) != null) wokenAt.update(w.pid, ktime());
        return 0;
    }

    @Section("tracepoint/sched/sched_switch")
    static int onSwitch(TracepointContext ctx) {
        SchedSwitch s = ctx.as(SchedSwitch.class);
        if (pid() == targetPid && Strings.startsWith(s.prevComm, "jt-runq")) targetThreads.update(s.prevPid, 1);
        if (!Strings.startsWith(s.nextComm, "jt-runq")) return 0;
        int next = s.nextPid;
        if (targetThreads.lookup(next) == null) return 0;
        switchesIn.increment(next);
        Long woken = wokenAt.lookup(next);
        if (woken == null) return 0;
        long waited = ktime() - woken;
        wokenAt.delete(next);
        waitedNs.add(next, waited);
        micros.increment(Math.min(Helpers.log2(waited / 1000), 31));
        return 0;
    }
}
