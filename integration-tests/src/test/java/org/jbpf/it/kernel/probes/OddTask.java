package org.jbpf.it.kernel.probes;

import org.jbpf.InKernelOnly;
import org.jbpf.kernel.KernelField;
import org.jbpf.kernel.KernelType;

/** A task_struct as a kernel might have it: tgid as on this kernel, and a field no kernel has. */
@KernelType("task_struct")
public final class OddTask {
    private OddTask() {}

    public static OddTask current() { throw InKernelOnly.call("OddTask.current"); }

    /** Deliberately wrong offset: the loader must move it to the kernel's. */
    @KernelField(value = "tgid", offset = 4)
    public int tgid() { throw InKernelOnly.call("OddTask.tgid"); }

    @KernelField(value = "tgid", offset = 4, exists = true)
    public boolean hasTgid() { throw InKernelOnly.call("OddTask.hasTgid"); }

    @KernelField(value = "no_such_field", offset = 8)
    public long noSuchField() { throw InKernelOnly.call("OddTask.noSuchField"); }

    @KernelField(value = "no_such_field", offset = 8, exists = true)
    public boolean hasNoSuchField() { throw InKernelOnly.call("OddTask.hasNoSuchField"); }
}
