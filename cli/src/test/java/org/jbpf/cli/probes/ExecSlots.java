package org.jbpf.cli.probes;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;
import org.jbpf.maps.ArrayMap;
import org.jbpf.maps.PerCpuArray;

/** Counts execve() calls in slot 5 of a 64-slot array and of a per-CPU one; every other slot stays zero. */
@Bpf(license = "GPL")
public final class ExecSlots {
    public static final ArrayMap<Long> slots = new ArrayMap<>(Long.class, 64);
    public static final PerCpuArray<Long> cpuSlots = new PerCpuArray<>(Long.class, 64);

    @Section("tracepoint/syscalls/sys_enter_execve")
    static long onExec(TracepointContext ctx) {
        slots.increment(5);
        cpuSlots.increment(5);
        return 0;
    }
}
