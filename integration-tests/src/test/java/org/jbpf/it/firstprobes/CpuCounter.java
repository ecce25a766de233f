package org.jbpf.it.firstprobes;

import static org.jbpf.Helpers.pid;

import org.jbpf.Bpf;
import org.jbpf.Constant;
import org.jbpf.Section;
import org.jbpf.TracepointContext;
import org.jbpf.maps.PerCpuArray;

/** getppid() calls of one process, counted per CPU in slot 0 and summed when read. */
@Bpf(license = "GPL")
public final class CpuCounter {
    @Constant static int targetPid;
    public static final PerCpuArray<Long> calls = new PerCpuArray<>(Long.class, 1);

    @Section("tracepoint/syscalls/sys_enter_getppid")
    static int onCall(TracepointContext ctx) {
        if (pid() == targetPid) calls.increment(0);
        return 0;
    }
}
