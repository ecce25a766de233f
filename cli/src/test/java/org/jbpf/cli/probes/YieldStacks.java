package org.jbpf.cli.probes;

import static org.jbpf.Helpers.pid;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;
import org.jbpf.maps.HashMap;
import org.jbpf.maps.StackTraceMap;

/** Counts sched_yield() calls per process and user stack: Thread.yield() from Java lands here. */
@Bpf(license = "GPL")
public final class YieldStacks {
    public static final StackTraceMap stacks = new StackTraceMap(4096);
    public static final HashMap<StackKey, Long> yields = new HashMap<>(StackKey.class, Long.class, 4096);

    @Section("tracepoint/syscalls/sys_enter_sched_yield")
    static long onYield(TracepointContext ctx) {
        StackKey key = new StackKey();
        key.pid = pid();
        key.stack = (int) stacks.getStackId(ctx, StackTraceMap.USER_STACK);
        yields.increment(key);
        return 0;
    }
}
