package org.jbpf.cli.probes;

import org.jbpf.CString;
import org.jbpf.Max;
import org.jbpf.Size;
import org.jbpf.Struct;

/** Per-CPU counts of one command: calls add up over the CPUs, the highest CPU seen does not, nor does the name. */
@Struct
public final class CpuStats {
    public int calls;
    @Max
    public int cpuPlusOne;
    @CString
    @Size(16)
    public byte[] comm;
}
