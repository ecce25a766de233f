package org.jbpf.it.kernel.probes;

import org.jbpf.InKernelOnly;
import org.jbpf.kernel.KernelField;
import org.jbpf.kernel.KernelType;

/** signal_struct's oom_score_adj, a short in the kernel, read as long, int and char. */
@KernelType("signal_struct")
public final class WidthSignal {
    private WidthSignal() {}

    @KernelField(value = "oom_score_adj", offset = 1058)
    public long oomScoreAdj() { throw InKernelOnly.call("WidthSignal.oomScoreAdj"); }

    @KernelField(value = "oom_score_adj", offset = 1058)
    public int oomScoreAdjInt() { throw InKernelOnly.call("WidthSignal.oomScoreAdjInt"); }

    @KernelField(value = "oom_score_adj", offset = 1058)
    public char oomScoreAdjChar() { throw InKernelOnly.call("WidthSignal.oomScoreAdjChar"); }
}
