package com.acme;

import static org.jbpf.Helpers.pid;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;
import org.jbpf.maps.HashMap;

@Bpf(license = "GPL")
public final class ExecCounter {
    public static final HashMap<Integer, Long> execs = new HashMap<>(Integer.class, Long.class, 1024);

    @Section("tracepoint/syscalls/sys_enter_execve")
    static long countExec(TracepointContext ctx) {
        int key = pid();
        Long count = execs.lookup(key);
        if (count != null) {
            execs.update(key, count + 1);
        } else {
            execs.update(key, 1L);
        }
        return 0;
    }
}
