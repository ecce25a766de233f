package org.jbpf.it.tools;

import static org.jbpf.Helpers.ktime;
import static org.jbpf.Helpers.pid;

import org.jbpf.Bpf;
import org.jbpf.Constant;
import org.jbpf.Section;
import org.jbpf.StackId;
import org.jbpf.Strings;
import org.jbpf.Struct;
import org.jbpf.TracepointContext;
import org.jbpf.examples.kernel.SchedSwitch;
import org.jbpf.maps.HashMap;
import org.jbpf.maps.Scratch;
import org.jbpf.maps.StackTraceMap;

/**
 * offcputime for the threads named "jt-offcpu..." of the process {@code targetPid}: at each switch away from such a
 * thread that blocks (asleep, state S or D; not preempted) its kernel stack and the time are kept; when it is
 * switched back in, the time it spent off the CPU is added to that stack's total, and the times it blocked there are
 * counted.
 */
@Bpf(license = "GPL")
public final class OffCpuTime {
    @Struct
    public record Left(long nanos, int stack) {}

    @Struct
    public static final class Key {
        public int tid;
        @StackId public int stack;
    }

    @Struct
    public static final class Off {
        public long times;
        public long nanos;
    }

    /** {@code prev_state} of a task that sleeps interruptibly (S) or uninterruptibly (D); a preempted one reports more. */
    static final long TASK_INTERRUPTIBLE = 1, TASK_UNINTERRUPTIBLE = 2;

    @Constant static int targetPid;
    public static final StackTraceMap stacks = new StackTraceMap(4096);
    @Scratch public static final HashMap<Integer, Left> left = new HashMap<>(Integer.class, Left.class, 4096);
    public static final HashMap<Key, Off> offCpu = new HashMap<>(Key.class, Off.class, 4096);

    @Section("tracepoint/sched/sched_switch")
    static int onSwitch(TracepointContext ctx) {
        SchedSwitch s = ctx.as(SchedSwitch.class);
        boolean blocked = s.prevState == TASK_INTERRUPTIBLE || s.prevState == TASK_UNINTERRUPTIBLE;
        if (blocked && pid() == targetPid && Strings.startsWith(s.prevComm, "jt-offcpu")) {
            int stack = (int) stacks.getStackId(ctx, 0);   // the task switching out is still current: where it blocked
            left.update(s.prevPid, new Left(ktime(), stack));
        }
        if (!Strings.startsWith(s.nextComm, "jt-offcpu")) return 0;
        Left l = left.lookup(s.nextPid);
        if (l == null) return 0;
        Key key = new Key();
        key.tid = s.nextPid;
        key.stack = l.stack();
        long nanos = ktime() - l.nanos();
        left.delete(s.nextPid);
        Off off = offCpu.lookup(key);
        if (off == null) {
            offCpu.update(key, new Off());
            off = offCpu.lookup(key);
            if (off == null) return 0;
        }
        off.times++;
        off.nanos += nanos;
        return 0;
    }
}
