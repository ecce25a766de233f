package org.jbpf.bench;

import static org.jbpf.Helpers.pid;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;
import org.jbpf.maps.HashMap;

/** The process counter of the seed, on getppid() so a benchmark can drive it with a tight syscall loop. */
@Bpf(license = "GPL")
public final class SyscallCounter {
    public static final HashMap<Integer, Long> counts = new HashMap<>(Integer.class, Long.class, 4096);

    @Section("tracepoint/syscalls/sys_enter_getppid")
    static long countCalls(TracepointContext ctx) {
        int processId = pid();
        Long count = counts.lookup(processId);
        if (count != null) {
            counts.update(processId, count + 1);
        } else {
            counts.update(processId, 1L);
        }
        return 0;
    }
}
