package org.jbpf.cli.probes;

import static org.jbpf.Helpers.comm;
import static org.jbpf.Helpers.cpu;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;
import org.jbpf.maps.PerCpuHashMap;

/** Counts execve() calls per command name in a per-CPU map of {@link CpuStats}. */
@Bpf(license = "GPL")
public final class PerCpuStats {
    public static final PerCpuHashMap<CommKey, CpuStats> stats = new PerCpuHashMap<>(CommKey.class, CpuStats.class, 1024);

    @Section("tracepoint/syscalls/sys_enter_execve")
    static long countExec(TracepointContext ctx) {
        CommKey key = new CommKey();
        comm(key.name);
        CpuStats s = stats.lookup(key);
        if (s != null) {
            s.calls = s.calls + 1;
            s.cpuPlusOne = cpu() + 1;
        } else {
            CpuStats first = new CpuStats();
            first.calls = 1;
            first.cpuPlusOne = cpu() + 1;
            comm(first.comm);
            stats.update(key, first);
        }
        return 0;
    }
}
