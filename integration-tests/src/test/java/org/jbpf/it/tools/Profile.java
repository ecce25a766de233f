package org.jbpf.it.tools;

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
 * profile: every CPU's clock sampled 499 times a second; each sample of a process counts its user stack and its
 * kernel stack (when it was in the kernel), per process. The idle task (pid 0) is left out, and with {@code targetPid}
 * set every other process too.
 */
@Bpf(license = "GPL")
public final class Profile {
    @Struct
    public static final class Sample {
        @Pid public int pid;
        @StackId public int stack;
    }

    public static final StackTraceMap stacks = new StackTraceMap(8192);
    public static final HashMap<Sample, Long> userSamples = new HashMap<>(Sample.class, Long.class, 8192);
    public static final HashMap<Sample, Long> kernelSamples = new HashMap<>(Sample.class, Long.class, 8192);
    @Constant static int targetPid;
    static long samples;

    @Section("perf_event/cpu-clock-499hz")
    static int sample(PtRegs ctx) {
        int process = pid();
        if (process == 0 || targetPid != 0 && process != targetPid) return 0;
        samples++;
        Sample user = new Sample();
        user.pid = process;
        user.stack = (int) stacks.getStackId(ctx, StackTraceMap.USER_STACK);
        if (user.stack >= 0) userSamples.increment(user);
        Sample kernel = new Sample();
        kernel.pid = process;
        kernel.stack = (int) stacks.getStackId(ctx, 0);
        if (kernel.stack >= 0) kernelSamples.increment(kernel);
        return 0;
    }
}
