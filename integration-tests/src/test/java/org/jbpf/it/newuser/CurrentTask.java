package org.jbpf.it.newuser;

import org.jbpf.InKernelOnly;
import org.jbpf.kernel.KernelField;
import org.jbpf.kernel.KernelType;

/** task_struct's process id and real parent, as jbpf gen btf task_struct.tgid task_struct.real_parent.tgid writes them. */
@KernelType("task_struct")
public final class CurrentTask {
    private CurrentTask() {}

    public static CurrentTask current() { throw InKernelOnly.call("CurrentTask.current"); }

    @KernelField(value = "tgid", offset = 0)
    public int tgid() { throw InKernelOnly.call("CurrentTask.tgid"); }

    @KernelField(value = "real_parent", offset = 0)
    public CurrentTask realParent() { throw InKernelOnly.call("CurrentTask.realParent"); }
}
