package org.jbpf.agent.it;

import static org.jbpf.Helpers.pid;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;
import org.jbpf.maps.HashMap;

/** Counts openat() per process. */
@Bpf(license = "GPL")
public final class OpenProbe {
    public static final HashMap<Integer, Long> opens = new HashMap<>(Integer.class, Long.class, 10240);

    @Section("tracepoint/syscalls/sys_enter_openat")
    static long countOpen(TracepointContext ctx) {
        int key = pid();
        Long count = opens.lookup(key);
        if (count != null) {
            opens.update(key, count + 1);
        } else {
            opens.update(key, 1L);
        }
        return 0;
    }
}
