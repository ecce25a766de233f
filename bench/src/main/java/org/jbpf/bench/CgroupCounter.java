package org.jbpf.bench;

import static org.jbpf.Helpers.cgroupId;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;
import org.jbpf.maps.HashMap;

/** connect() calls counted per cgroup with an in-place increment (code-size bench). */
@Bpf(license = "GPL")
public final class CgroupCounter {
    public static final HashMap<Long, Long> connects = new HashMap<>(Long.class, Long.class, 1024);

    @Section("tracepoint/syscalls/sys_enter_connect")
    static long enterConnect(TracepointContext ctx) {
        connects.increment(cgroupId());
        return 0;
    }
}
