package org.jbpf.translator.bad;

import org.jbpf.InKernelOnly;
import org.jbpf.kernel.KernelType;

/** A kernel struct that is not a task. */
@KernelType("mm_struct")
public final class KernelMm {
    private KernelMm() {}

    public static KernelMm current() { throw InKernelOnly.call("current"); }
}
