package org.jbpf.it.kernel.probes;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;
import org.jbpf.maps.ArrayMap;

/** Reads openat's file name through a record class with a field the kernel's format lacks. */
@Bpf(license = "GPL")
public final class ReadsMisnamedRecord {
    public static final ArrayMap<Long> last = new ArrayMap<>(Long.class, 1);

    @Section("tracepoint/syscalls/sys_enter_openat")
    static int onOpenat(TracepointContext ctx) {
        last.update(0, ctx.as(MisnamedOpenat.class).path);
        return 0;
    }
}
