package org.jbpf.cli.probes;

import static org.jbpf.Helpers.comm;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;
import org.jbpf.maps.HashMap;

/** Counts execve() calls per command name, like bpftrace's {@code @[comm] = count()}. */
@Bpf(license = "GPL")
public final class CommCounter {
    public static final HashMap<CommKey, Long> execsByComm = new HashMap<>(CommKey.class, Long.class, 1024);

    @Section("tracepoint/syscalls/sys_enter_execve")
    static long countExec(TracepointContext ctx) {
        CommKey key = new CommKey();
        comm(key.name);
        Long count = execsByComm.lookup(key);
        if (count != null) execsByComm.update(key, count + 1);
        else execsByComm.update(key, 1L);
        return 0;
    }
}
