package com.acme;

import static org.jbpf.Helpers.pid;

import org.jbpf.Section;
import org.jbpf.TracepointContext;
import org.jbpf.maps.HashMap;

/** A probe whose @Bpf annotation was forgotten. */
public final class ExecCounter {
    public static final HashMap<Integer, Long> execs = new HashMap<>(Integer.class, Long.class, 1024);

    @Section("tracepoint/syscalls/sys_enter_execve")
    static long countExec(TracepointContext ctx) {
        execs.update(pid(), 1L);
        return 0;
    }
}
