package org.jbpf.it.kernel.probes;

import org.jbpf.InKernelOnly;
import org.jbpf.kernel.KernelField;
import org.jbpf.kernel.KernelType;

/** sched_entity, held inside task_struct; its load weight is a struct embedded again. */
@KernelType("sched_entity")
public final class SchedEntity {
    private SchedEntity() {}

    @KernelField(value = "load", offset = 0, embedded = true)
    public LoadWeight load() { throw InKernelOnly.call("SchedEntity.load"); }

    @KernelField(value = "load", offset = 0, embedded = true, exists = true)
    public boolean hasLoad() { throw InKernelOnly.call("SchedEntity.hasLoad"); }
}
