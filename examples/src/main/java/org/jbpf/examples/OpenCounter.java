package org.jbpf.examples;

import static org.jbpf.Helpers.pid;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;
import org.jbpf.maps.HashMap;

/** Counts openat() calls per process, and forgets a process's count when it calls close_range(). */
@Bpf(license = "GPL")
public final class OpenCounter {
    public static final HashMap<Integer, Long> opens = new HashMap<>(Integer.class, Long.class, 10240);

    @Section("tracepoint/syscalls/sys_enter_openat")
    static long trackOpens(TracepointContext ctx) {
        int key = pid();
        Long count = opens.lookup(key);
        if (count != null) {
            opens.update(key, count + 1);
        } else {
            opens.update(key, 1L);
        }
        return 0;
    }

    @Section("tracepoint/syscalls/sys_enter_close_range")
    static long cleanup(TracepointContext ctx) {
        opens.delete(pid());
        return 0;
    }
}
