package org.jbpf.toolchain.probes;

import static org.jbpf.Helpers.comm;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;
import org.jbpf.maps.HashMap;

/** Counts calls per command name. */
@Bpf(license = "GPL")
public final class NamedCounter {
    public static final HashMap<NamedKey, Long> counts = new HashMap<>(NamedKey.class, Long.class, 64);

    @Section("tracepoint/syscalls/sys_enter_getppid")
    static long count(TracepointContext ctx) {
        NamedKey key = new NamedKey();
        comm(key.name);
        counts.update(key, 1L);
        return 0;
    }
}
