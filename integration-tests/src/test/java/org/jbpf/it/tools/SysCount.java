package org.jbpf.it.tools;

import org.jbpf.examples.kernel.SysEnter;
import static org.jbpf.Helpers.comm;
import static org.jbpf.Helpers.pid;

import org.jbpf.Bpf;
import org.jbpf.Constant;
import org.jbpf.Section;
import org.jbpf.Strings;
import org.jbpf.TracepointContext;
import org.jbpf.maps.HashMap;

/**
 * syscount: system calls counted by number from raw_syscalls:sys_enter, for the threads of the process {@code targetPid}
 * whose name starts with "jt-".
 */
@Bpf(license = "GPL")
public final class SysCount {
    @Constant static int targetPid;
    public static final HashMap<Long, Long> byId = new HashMap<>(Long.class, Long.class, 512);

    @Section("tracepoint/raw_syscalls/sys_enter")
    static int onSyscall(TracepointContext ctx) {
        if (pid() != targetPid) return 0;
        byte[] name = new byte[16];
        comm(name);
        if (!Strings.startsWith(name, "jt-")) return 0;
        byId.increment(ctx.as(SysEnter.class).id);
        return 0;
    }
}
