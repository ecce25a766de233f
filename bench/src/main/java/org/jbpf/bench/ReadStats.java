package org.jbpf.bench;

import org.jbpf.Atomic;
import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Struct;
import org.jbpf.TracepointContext;
import org.jbpf.maps.ArrayMap;

/** Calls, bytes and failures of read() in one struct, each field added to atomically (code-size bench). */
@Bpf(license = "GPL")
public final class ReadStats {
    @Struct
    public static final class Stats {
        public long calls;
        public long bytes;
        public long errors;
    }

    public static final ArrayMap<Stats> stats = new ArrayMap<>(Stats.class, 1);

    @Section("tracepoint/syscalls/sys_exit_read")
    static long exitRead(TracepointContext ctx) {
        long n = ctx.ret();
        Stats s = stats.lookup(0);
        if (s == null) return 0;
        Atomic.increment(s, "calls");
        if (n < 0) Atomic.increment(s, "errors");
        else Atomic.add(s, "bytes", n);
        return 0;
    }
}
