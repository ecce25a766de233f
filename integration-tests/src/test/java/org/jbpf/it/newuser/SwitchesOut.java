package org.jbpf.it.newuser;

import org.jbpf.examples.kernel.SchedSwitch;
import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Strings;
import org.jbpf.TracepointContext;

/**
 * sched_switch away from threads named nu-sleeper, from the typed record's comm arrays: all switches, those where the
 * thread went to sleep (prev_state not running), the thread's id, and whether the next task's comm was ever the same.
 */
@Bpf(license = "GPL")
public final class SwitchesOut {
    static long switchedOut;
    static long slept;
    static int sleeperTid;
    static long switchedToItself;

    @Section("tracepoint/sched/sched_switch")
    static int onSwitch(TracepointContext ctx) {
        SchedSwitch s = ctx.as(SchedSwitch.class);
        if (!Strings.equals(s.prevComm, "nu-sleeper")) return 0;
        switchedOut++;
        if (s.prevState != 0) slept++;
        sleeperTid = s.prevPid;
        if (s.nextPid == s.prevPid) switchedToItself++;
        return 0;
    }
}
