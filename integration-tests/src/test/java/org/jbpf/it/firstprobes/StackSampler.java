package org.jbpf.it.firstprobes;

import static org.jbpf.Helpers.pid;

import org.jbpf.Bpf;
import org.jbpf.Constant;
import org.jbpf.Pid;
import org.jbpf.PtRegs;
import org.jbpf.Section;
import org.jbpf.StackId;
import org.jbpf.Struct;
import org.jbpf.maps.HashMap;
import org.jbpf.maps.StackTraceMap;

/** A sampler of one process's user stacks, 99 times a second on every CPU. */
@Bpf(license = "GPL")
public final class StackSampler {
    /** A process and one of its user stacks. */
    @Struct
    public static final class Sample {
        @Pid public int pid;
        @StackId public int stack;
    }

    @Constant static int targetPid;
    public static final StackTraceMap stacks = new StackTraceMap(4096);
    public static final HashMap<Sample, Long> samples = new HashMap<>(Sample.class, Long.class, 4096);

    @Section("perf_event/cpu-clock-99hz")
    static int sample(PtRegs ctx) {
        if (pid() != targetPid) return 0;
        Sample s = new Sample();
        s.pid = pid();
        s.stack = (int) stacks.getStackId(ctx, StackTraceMap.USER_STACK);
        if (s.stack >= 0) samples.increment(s);
        return 0;
    }
}
