package org.jbpf.toolchain.probes;

import org.jbpf.Bpf;
import org.jbpf.Constant;
import org.jbpf.Section;
import org.jbpf.TracepointContext;
import org.jbpf.maps.ArrayMap;
import org.jbpf.maps.Histogram;

/** A marked histogram beside global variables: recording the mark must keep the globals. */
@Bpf(license = "GPL")
public final class MarkedGlobals {
    @Histogram(Histogram.Kind.LOG2)
    public static final ArrayMap<Long> hist = new ArrayMap<>(Long.class, 64);
    @Constant static int limit = 4;
    static long calls;

    @Section("tracepoint/syscalls/sys_enter_getppid")
    static long count(TracepointContext ctx) {
        if (calls < limit) calls++;
        return 0;
    }
}
