package org.jbpf.examples;

import org.jbpf.Max;
import org.jbpf.Struct;

/** Per-process read statistics. */
@Struct
public final class Stats {
    public long count;
    public long totalTime;
    @Max
    public long maxTime;
}
