package org.jbpf.examples;

import static org.jbpf.Helpers.pid;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;
import org.jbpf.maps.ArrayMap;
import org.jbpf.maps.PerCpuArray;
import org.jbpf.maps.PerCpuHashMap;
import org.jbpf.maps.StackTraceMap;

/**
 * Per-CPU maps and stack traces on getppid(): a per-CPU total, a per-CPU per-process count, the last user stack id
 * of each process, and a plain array counter.
 */
@Bpf(license = "GPL")
public final class PerCpuCounters {
    public static final PerCpuArray<Long> total = new PerCpuArray<>(Long.class, 1);
    public static final PerCpuHashMap<Integer, Long> perProcess = new PerCpuHashMap<>(Integer.class, Long.class, 1024);
    public static final StackTraceMap stacks = new StackTraceMap(1024);
    public static final ArrayMap<Long> calls = new ArrayMap<>(Long.class, 4);

    private PerCpuCounters() {}


    @Section("tracepoint/syscalls/sys_enter_getppid")
    static long onGetppid(TracepointContext ctx) {
        Long t = total.lookup(0);
        if (t != null) total.update(0, t + 1);

        int key = pid();
        Long c = perProcess.lookup(key);
        perProcess.update(key, c != null ? c + 1 : 1L);

        long id = stacks.getStackId(ctx, StackTraceMap.USER_STACK);
        int outcome = id >= 0 ? 0 : 1;
        Long n = calls.lookup(outcome);
        if (n != null) calls.update(outcome, n + 1);
        return 0;
    }
}
