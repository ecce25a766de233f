package org.jbpf.it.kernel.probes;

import org.jbpf.InKernelOnly;
import org.jbpf.kernel.KernelField;
import org.jbpf.kernel.KernelType;

/** task_struct down to its scheduling entity, a struct embedded in it (jbpf gen btf task_struct.se.load.weight). */
@KernelType("task_struct")
public final class SchedTask {
    private SchedTask() {}

    public static SchedTask current() { throw InKernelOnly.call("SchedTask.current"); }

    @KernelField(value = "se", offset = 128, embedded = true)
    public SchedEntity se() { throw InKernelOnly.call("SchedTask.se"); }
}
