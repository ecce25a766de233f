package org.jbpf.it.nextprobes;

import static org.jbpf.Helpers.pid;

import org.jbpf.Bpf;
import org.jbpf.Constant;
import org.jbpf.Helpers;
import org.jbpf.Section;
import org.jbpf.TracepointContext;
import org.jbpf.examples.kernel.SysEnterWrite;
import org.jbpf.maps.ArrayMap;
import org.jbpf.maps.HashMap;
import org.jbpf.maps.Histogram;

/** getppid() calls per process and a log2 histogram of write() sizes, for one process: maps to pin, dump and scrape. */
@Bpf(license = "GPL")
public final class CallCounter {
    @Constant static int targetPid;
    public static final HashMap<Integer, Long> callCount = new HashMap<>(Integer.class, Long.class, 1024);
    @Histogram public static final ArrayMap<Long> writeSizes = new ArrayMap<>(Long.class, 32);

    @Section("tracepoint/syscalls/sys_enter_getppid")
    static int onGetppid(TracepointContext ctx) {
        int process = pid();
        if (process == targetPid) callCount.increment(process);
        return 0;
    }

    @Section("tracepoint/syscalls/sys_enter_write")
    static int onWrite(TracepointContext ctx) {
        if (pid() == targetPid) writeSizes.increment(Math.min(Helpers.log2(ctx.as(SysEnterWrite.class).count), 31));
        return 0;
    }
}
