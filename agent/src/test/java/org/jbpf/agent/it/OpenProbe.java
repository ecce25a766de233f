package org.jbpf.agent.it;

import static org.jbpf.Helpers.ktime;
import static org.jbpf.Helpers.pid;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;
import org.jbpf.maps.HashMap;
import org.jbpf.maps.Scratch;

/** Counts openat() per process, keeping the last open's time in a @Scratch map that JMX does not show. */
@Bpf(license = "GPL")
public final class OpenProbe {
    public static final HashMap<Integer, Long> opens = new HashMap<>(Integer.class, Long.class, 10240);
    @Scratch
    public static final HashMap<Integer, Long> lastOpen = new HashMap<>(Integer.class, Long.class, 10240);

    @Section("tracepoint/syscalls/sys_enter_openat")
    static long countOpen(TracepointContext ctx) {
        int key = pid();
        lastOpen.update(key, ktime());
        Long count = opens.lookup(key);
        if (count != null) {
            opens.update(key, count + 1);
        } else {
            opens.update(key, 1L);
        }
        return 0;
    }
}
