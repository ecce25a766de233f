package org.jbpf.it.tools;

import static org.jbpf.Helpers.ktime;

import org.jbpf.Bpf;
import org.jbpf.Helpers;
import org.jbpf.Section;
import org.jbpf.Strings;
import org.jbpf.TracepointContext;
import org.jbpf.it.newuser.SchedSwitch;
import org.jbpf.maps.ArrayMap;
import org.jbpf.maps.HashMap;
import org.jbpf.maps.Histogram;

/**
 * runqlat for the threads named "jt-runq...": the time from a wakeup to the switch that runs the woken thread, as a
 * log2 histogram of microseconds; every switch to such a thread is counted per thread as well.
 */
@Bpf(license = "GPL")
public final class RunQueueLatency {
    public static final HashMap<Integer, Long> wokenAt = new HashMap<>(Integer.class, Long.class, 4096);
    public static final HashMap<Integer, Long> switchesIn = new HashMap<>(Integer.class, Long.class, 1024);
    public static final HashMap<Integer, Long> waitedNs = new HashMap<>(Integer.class, Long.class, 1024);
    @Histogram public static final ArrayMap<Long> micros = new ArrayMap<>(Long.class, 32);

    @Section("tracepoint/sched/sched_wakeup")
    static int onWakeup(TracepointContext ctx) {
        SchedWakeup w = ctx.as(SchedWakeup.class);
        if (Strings.startsWith(w.comm, "jt-runq")) wokenAt.update(w.pid, ktime());
        return 0;
    }

    @Section("tracepoint/sched/sched_switch")
    static int onSwitch(TracepointContext ctx) {
        SchedSwitch s = ctx.as(SchedSwitch.class);
        if (!Strings.startsWith(s.nextComm, "jt-runq")) return 0;
        int next = s.nextPid;
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
