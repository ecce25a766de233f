package org.jbpf.it.kernel.probes;

import org.jbpf.InKernelOnly;
import org.jbpf.kernel.KernelField;
import org.jbpf.kernel.KernelType;

/** load_weight: the scheduler's weight of a task, from its nice value. */
@KernelType("load_weight")
public final class LoadWeight {
    private LoadWeight() {}

    @KernelField(value = "weight", offset = 0)
    public long weight() { throw InKernelOnly.call("LoadWeight.weight"); }
}
