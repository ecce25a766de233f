package org.jbpf.examples;

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

/**
 * A CPU profiler, like bpftrace's {@code profile:hz:99 { @[ustack] = count(); @[kstack] = count(); }}: every CPU's
 * clock is sampled 99 times a second, and each sample counts the running process's user stack and, when it was in
 * the kernel, its kernel stack. {@code bin/jbpf run -cp examples/target/classes org.jbpf.examples.Profile -d 10s}
 * prints the hottest stacks of each process with their functions named; {@code --const targetPid=1234} samples one
 * process, {@code --format folded} writes flame graph input.
 */
@Bpf(license = "GPL")
public final class Profile {
    /** A process and one of its stacks. */
    @Struct
    public static final class Sample {
        @Pid public int pid;
        @StackId public int stack;
    }

    /** The process to sample; 0 samples every process but the idle task. */
    @Constant static int targetPid;
    public static final StackTraceMap stacks = new StackTraceMap(16384);
    public static final HashMap<Sample, Long> userStacks = new HashMap<>(Sample.class, Long.class, 16384);
    public static final HashMap<Sample, Long> kernelStacks = new HashMap<>(Sample.class, Long.class, 16384);

    private Profile() {}

    @Section("perf_event/cpu-clock-99hz")
    static int sample(PtRegs ctx) {
        int process = pid();
        if (process == 0 || targetPid != 0 && process != targetPid) return 0;
        Sample user = new Sample();
        user.pid = process;
        user.stack = (int) stacks.getStackId(ctx, StackTraceMap.USER_STACK);
        if (user.stack >= 0) userStacks.increment(user);
        Sample kernel = new Sample();
        kernel.pid = process;
        kernel.stack = (int) stacks.getStackId(ctx, 0);   // fails in user mode: no kernel stack to count
        if (kernel.stack >= 0) kernelStacks.increment(kernel);
        return 0;
    }
}
