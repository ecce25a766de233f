package org.jbpf.examples;

import static org.jbpf.Helpers.pid;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;
import org.jbpf.maps.HashMap;

/** Counts clone() calls per process. */
@Bpf(license = "GPL")
public final class ProcessCounter {
    public static final HashMap<Integer, Long> processCount = new HashMap<>(Integer.class, Long.class, 4096);

    @Section("tracepoint/syscalls/sys_enter_clone")
    static long countProcesses(TracepointContext ctx) {
        int processId = pid();
        Long count = processCount.lookup(processId);
        if (count != null) {
            processCount.update(processId, count + 1);
        } else {
            processCount.update(processId, 1L);
        }
        return 0;
    }
}
