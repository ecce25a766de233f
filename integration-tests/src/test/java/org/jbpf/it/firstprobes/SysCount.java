package org.jbpf.it.firstprobes;

import org.jbpf.examples.kernel.SysEnter;
import static org.jbpf.Helpers.pid;

import org.jbpf.Bpf;
import org.jbpf.Constant;
import org.jbpf.Section;
import org.jbpf.Syscall;
import org.jbpf.TracepointContext;
import org.jbpf.maps.HashMap;

/** syscount: system calls counted by syscall number for one process, and by process for all. */
@Bpf(license = "GPL")
public final class SysCount {
    @Constant static int targetPid;
    @Syscall public static final HashMap<Integer, Long> bySyscall = new HashMap<>(Integer.class, Long.class, 1024);
    public static final HashMap<Integer, Long> byProcess = new HashMap<>(Integer.class, Long.class, 10240);

    @Section("tracepoint/raw_syscalls/sys_enter")
    static int onEnter(TracepointContext ctx) {
        int process = pid();
        byProcess.increment(process);
        if (process == targetPid) bySyscall.increment((int) ctx.as(SysEnter.class).id);
        return 0;
    }
}
