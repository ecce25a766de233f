package org.jbpf.it.newuser;

import org.jbpf.examples.kernel.SysEnterKill;
import static org.jbpf.Helpers.pid;

import org.jbpf.Bpf;
import org.jbpf.Constant;
import org.jbpf.Section;
import org.jbpf.Struct;
import org.jbpf.TracepointContext;
import org.jbpf.maps.HashMap;

/** kill() calls of one process keyed by (target, signal) from sys_enter_kill's typed record, as a user audits signals. */
@Bpf(license = "GPL")
public final class KillSignals {
    @Struct
    public record Key(int target, int signal) {}

    @Constant static int targetPid;
    public static final HashMap<Key, Long> sent = new HashMap<>(Key.class, Long.class, 128);

    @Section("tracepoint/syscalls/sys_enter_kill")
    static int onKill(TracepointContext ctx) {
        if (pid() != targetPid) return 0;
        SysEnterKill call = ctx.as(SysEnterKill.class);
        sent.increment(new Key((int) call.pid, (int) call.sig));
        return 0;
    }
}
