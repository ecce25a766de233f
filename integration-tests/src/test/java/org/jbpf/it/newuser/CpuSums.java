package org.jbpf.it.newuser;

import static org.jbpf.Helpers.comm;
import static org.jbpf.Helpers.cpu;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Strings;
import org.jbpf.Struct;
import org.jbpf.TracepointContext;
import org.jbpf.maps.PerCpuArray;

/** Per-CPU sums (no atomics needed) that Java adds up over the CPUs: calls, argument sum, and the CPU each slot was written on. */
@Bpf(license = "GPL")
public final class CpuSums {
    @Struct
    public static final class Sums {
        public long calls;
        public long argumentSum;
        public int cpu;
    }

    public static final PerCpuArray<Sums> sums = new PerCpuArray<>(Sums.class, 1);

    @Section("tracepoint/syscalls/sys_enter_getpgid")
    static int onGetpgid(TracepointContext ctx) {
        byte[] name = new byte[16];
        comm(name);
        if (!Strings.startsWith(name, "nu-cpu")) return 0;
        Sums s = sums.lookup(0);
        if (s == null) return 0;
        s.calls++;
        s.argumentSum += ctx.arg(0);
        s.cpu = cpu() + 1;
        return 0;
    }
}
