package org.jbpf.it.tools;

import static org.jbpf.Helpers.pid;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Struct;
import org.jbpf.TracepointContext;
import org.jbpf.maps.HashMap;

/**
 * syscount per process, errors included: the system calls of the processes Java puts in {@code processes}, counted by
 * process, number and errno (0 for a call that succeeded) as raw_syscalls:sys_exit reports them.
 */
@Bpf(license = "GPL")
public final class SysErrors {
    @Struct
    public record Key(int pid, int syscall, int errno) {}

    public static final HashMap<Integer, Byte> processes = new HashMap<>(Integer.class, Byte.class, 64);
    public static final HashMap<Key, Long> counts = new HashMap<>(Key.class, Long.class, 4096);

    @Section("tracepoint/raw_syscalls/sys_exit")
    static int onExit(TracepointContext ctx) {
        int process = pid();
        if (processes.lookup(process) == null) return 0;
        org.jbpf.examples.kernel.SysExit exit = ctx.as(org.jbpf.examples.kernel.SysExit.class);   // raw_syscalls' record: number and result
        long result = exit.ret;
        int errno = result < 0 && result >= -4095 ? (int) -result : 0;
        counts.increment(new Key(process, (int) exit.id, errno));
        return 0;
    }
}
