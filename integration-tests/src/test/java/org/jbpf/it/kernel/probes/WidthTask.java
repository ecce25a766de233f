package org.jbpf.it.kernel.probes;

import org.jbpf.InKernelOnly;
import org.jbpf.kernel.KernelField;
import org.jbpf.kernel.KernelType;

/**
 * task_struct read at Java widths other than the kernel's: tgid and numa_preferred_nid (ints) as short, char and long,
 * sessionid (an unsigned int) as long.
 */
@KernelType("task_struct")
public final class WidthTask {
    private WidthTask() {}

    public static WidthTask current() { throw InKernelOnly.call("WidthTask.current"); }

    @KernelField(value = "tgid", offset = 1268)
    public short tgidShort() { throw InKernelOnly.call("WidthTask.tgidShort"); }

    @KernelField(value = "tgid", offset = 1268)
    public char tgidChar() { throw InKernelOnly.call("WidthTask.tgidChar"); }

    @KernelField(value = "tgid", offset = 1268)
    public long tgidLong() { throw InKernelOnly.call("WidthTask.tgidLong"); }

    @KernelField(value = "sessionid", offset = 1956)
    public long sessionId() { throw InKernelOnly.call("WidthTask.sessionId"); }

    @KernelField(value = "numa_preferred_nid", offset = 2572)
    public long numaNode() { throw InKernelOnly.call("WidthTask.numaNode"); }

    @KernelField(value = "numa_preferred_nid", offset = 2572)
    public short numaNodeShort() { throw InKernelOnly.call("WidthTask.numaNodeShort"); }

    @KernelField(value = "numa_preferred_nid", offset = 2572)
    public char numaNodeChar() { throw InKernelOnly.call("WidthTask.numaNodeChar"); }

    @KernelField(value = "signal", offset = 1848)
    public WidthSignal signal() { throw InKernelOnly.call("WidthTask.signal"); }
}
