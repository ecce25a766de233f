package org.jbpf.metrics.probe;

import org.jbpf.Max;
import org.jbpf.Struct;

/** Calls and the largest value seen: a per-CPU struct value whose fields combine differently across CPUs. */
@Struct
public final class CallStats {
    public long callCount;
    @Max
    public long maxBytes;
}
