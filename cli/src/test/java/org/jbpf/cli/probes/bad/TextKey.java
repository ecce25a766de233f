package org.jbpf.cli.probes.bad;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;
import org.jbpf.maps.HashMap;

/** Keys a map by a String, which has no fixed size a BPF map key needs. */
@Bpf(license = "GPL")
public final class TextKey {
    public static final HashMap<String, Long> byName = new HashMap<>(String.class, Long.class, 64);

    @Section("tracepoint/syscalls/sys_enter_getpid")
    static long onGetpid(TracepointContext ctx) {
        byName.update("getpid", 1L);
        return 0;
    }
}
