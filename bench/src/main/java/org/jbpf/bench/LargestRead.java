package org.jbpf.bench;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;
import org.jbpf.maps.ArrayMap;

/** The largest count read() returned so far (code-size bench). */
@Bpf(license = "GPL")
public final class LargestRead {
    public static final ArrayMap<Long> largest = new ArrayMap<>(Long.class, 1);

    @Section("tracepoint/syscalls/sys_exit_read")
    static long exitRead(TracepointContext ctx) {
        long n = ctx.ret();
        Long max = largest.lookup(0);
        if (max != null && n > max) largest.update(0, n);
        return 0;
    }
}
