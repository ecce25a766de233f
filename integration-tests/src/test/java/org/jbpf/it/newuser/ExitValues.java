package org.jbpf.it.newuser;

import org.jbpf.examples.kernel.SysExit;
import static org.jbpf.Helpers.comm;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Strings;
import org.jbpf.TracepointContext;
import org.jbpf.maps.HashMap;

/** Every system call's return of threads named nu-exit (raw_syscalls/sys_exit's typed record): calls and the sum of returns per syscall number. */
@Bpf(license = "GPL")
public final class ExitValues {
    public static final HashMap<Long, Long> calls = new HashMap<>(Long.class, Long.class, 512);
    public static final HashMap<Long, Long> returnSums = new HashMap<>(Long.class, Long.class, 512);

    @Section("tracepoint/raw_syscalls/sys_exit")
    static int onExit(TracepointContext ctx) {
        byte[] name = new byte[16];
        comm(name);
        if (!Strings.equals(name, "nu-exit")) return 0;
        SysExit exit = ctx.as(SysExit.class);
        calls.increment(exit.id);
        returnSums.add(exit.id, exit.ret);
        return 0;
    }
}
