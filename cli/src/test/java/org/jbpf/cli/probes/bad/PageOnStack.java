package org.jbpf.cli.probes.bad;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;
import org.jbpf.maps.HashMap;

/** Builds a 608-byte struct as a local, on a stack of 512 bytes. */
@Bpf(license = "GPL")
public final class PageOnStack {
    public static final HashMap<Integer, Page> pages = new HashMap<>(Integer.class, Page.class, 16);

    @Section("tracepoint/syscalls/sys_enter_getpid")
    static long onGetpid(TracepointContext ctx) {
        Page p = new Page();
        p.length = 1;
        pages.update(0, p);
        return 0;
    }
}
