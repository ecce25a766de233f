package org.jbpf.bench;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;
import org.jbpf.maps.ArrayMap;

/** The bytes write() returned, summed in place; failed writes left out (code-size bench). */
@Bpf(license = "GPL")
public final class WrittenBytes {
    public static final ArrayMap<Long> total = new ArrayMap<>(Long.class, 1);

    @Section("tracepoint/syscalls/sys_exit_write")
    static long exitWrite(TracepointContext ctx) {
        long n = ctx.ret();
        if (n > 0) total.add(0, n);
        return 0;
    }
}
