package org.jbpf.it.nextprobes;

import static org.jbpf.Helpers.ktime;

import org.jbpf.Bpf;
import org.jbpf.Constant;
import org.jbpf.Helpers;
import org.jbpf.Section;
import org.jbpf.TracepointContext;
import org.jbpf.examples.kernel.SchedSwitch;
import org.jbpf.examples.kernel.SchedWakeup;
import org.jbpf.maps.ArrayMap;
import org.jbpf.maps.HashMap;
import org.jbpf.maps.Histogram;
import org.jbpf.maps.Scratch;

/** runqlat for one process: from each wakeup of one of its threads to the switch that runs it, a log2 histogram of microseconds. */
@Bpf(license = "GPL")
public final class RunQueueLatency {
    @Constant static int targetPid;
    @Scratch public static final HashMap<Integer, Long> woken = new HashMap<>(Integer.class, Long.class, 10240);
    @Histogram public static final ArrayMap<Long> micros = new ArrayMap<>(Long.class, 32);

    @Section("tracepoint/sched/sched_wakeup")
    static int onWakeup(TracepointContext ctx) {
        int thread = ctx.as(SchedWakeup.class).pid;
        if (thread == targetPid) woken.update(thread, ktime());
        return 0;
    }

    @Section("tracepoint/sched/sched_switch")
    static int onSwitch(TracepointContext ctx) {
        int next = ctx.as(SchedSwitch.class).nextPid;
        Long since = woken.lookup(next);
        if (since == null) return 0;
        micros.increment(Math.min(Helpers.log2((ktime() - since) / 1000), 31));
        woken.delete(next);
        return 0;
    }
}
