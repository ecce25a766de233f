package com.acme;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;
import org.jbpf.maps.HashMap;

/** Translates, but reads the tracepoint record far past its end: only the verifier simulation can tell. */
@Bpf(license = "GPL")
public final class FarRead {
    public static final HashMap<Integer, Long> seen = new HashMap<>(Integer.class, Long.class, 64);

    @Section("tracepoint/syscalls/sys_enter_openat")
    static int onOpen(TracepointContext ctx) {
        long v = ctx.u64(8192);
        seen.update((int) v, 1L);
        return 0;
    }
}
