package org.jbpf.it.firstprobes;

import static org.jbpf.Helpers.pid;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;
import org.jbpf.maps.HashMap;

/** User page faults counted per process. */
@Bpf(license = "GPL")
public final class PageFaults {
    public static final HashMap<Integer, Long> faults = new HashMap<>(Integer.class, Long.class, 10240);

    @Section("tracepoint/exceptions/page_fault_user")
    static int onFault(TracepointContext ctx) {
        faults.increment(pid());
        return 0;
    }
}
