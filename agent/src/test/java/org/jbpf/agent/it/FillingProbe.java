package org.jbpf.agent.it;

import static org.jbpf.Helpers.ktime;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;
import org.jbpf.maps.HashMap;

/** Inserts a new key for every openat() on the machine into a 32-entry hash map, which fills within moments. */
@Bpf(license = "GPL")
public final class FillingProbe {
    public static final HashMap<Long, Long> stamps = new HashMap<>(Long.class, Long.class, 32);

    @Section("tracepoint/syscalls/sys_enter_openat")
    static long onOpen(TracepointContext ctx) {
        stamps.update(ktime(), 1L);
        return 0;
    }
}
