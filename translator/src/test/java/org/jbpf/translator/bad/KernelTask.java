package org.jbpf.translator.bad;

import org.jbpf.InKernelOnly;
import org.jbpf.kernel.KernelField;
import org.jbpf.kernel.KernelType;

/** A task_struct class with a method that names no kernel field and one that returns a type jbpf cannot read. */
@KernelType("task_struct")
public final class KernelTask {
    private KernelTask() {}

    public static KernelTask current() { throw InKernelOnly.call("current"); }

    @KernelField(value = "tgid", offset = 1268)
    public int tgid() { throw InKernelOnly.call("tgid"); }

    public int unnamed() { throw InKernelOnly.call("unnamed"); }

    @KernelField(value = "tgid", offset = 1268)
    public String text() { throw InKernelOnly.call("text"); }
}
