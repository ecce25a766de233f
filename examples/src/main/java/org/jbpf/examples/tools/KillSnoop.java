package org.jbpf.examples.tools;

import org.jbpf.examples.kernel.SysExitKill;
import static org.jbpf.Helpers.pid;
import static org.jbpf.Helpers.tid;

import org.jbpf.Bpf;
import org.jbpf.Constant;
import org.jbpf.Section;
import org.jbpf.Struct;
import org.jbpf.TracepointContext;
import org.jbpf.examples.kernel.SysEnterKill;
import org.jbpf.maps.HashMap;
import org.jbpf.maps.RingBuffer;

/**
 * killsnoop: kill() calls with the calling thread, target, signal and result, the entry's arguments kept per thread
 * until the exit; of the process {@code targetPid} only ({@code --const targetPid=1234}), or of every process (0).
 */
@Bpf(license = "GPL")
public final class KillSnoop {
    @Struct
    public record Kill(int tid, int target, int signal, int result) {}

    @Constant static int targetPid;
    public static final HashMap<Integer, Kill> pending = new HashMap<>(Integer.class, Kill.class, 1024);
    public static final RingBuffer kills = new RingBuffer(1 << 14);

    @Section("tracepoint/syscalls/sys_enter_kill")
    static int enter(TracepointContext ctx) {
        if (targetPid != 0 && pid() != targetPid) return 0;
        SysEnterKill call = ctx.as(SysEnterKill.class);
        int thread = tid();
        pending.update(thread, new Kill(thread, (int) call.pid, (int) call.sig, 0));
        return 0;
    }

    @Section("tracepoint/syscalls/sys_exit_kill")
    static int exit(TracepointContext ctx) {
        int thread = tid();
        Kill call = pending.lookup(thread);
        if (call == null) return 0;
        kills.output(new Kill(thread, call.target(), call.signal(), (int) ctx.as(SysExitKill.class).ret));
        pending.delete(thread);
        return 0;
    }
}
