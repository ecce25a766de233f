package org.jbpf.it.tools;

import static org.jbpf.Helpers.comm;
import static org.jbpf.Helpers.ktime;
import static org.jbpf.Helpers.pid;
import static org.jbpf.Helpers.tid;

import org.jbpf.Bpf;
import org.jbpf.Constant;
import org.jbpf.Max;
import org.jbpf.Section;
import org.jbpf.Strings;
import org.jbpf.Struct;
import org.jbpf.TracingContext;
import org.jbpf.maps.HashMap;
import org.jbpf.maps.Scratch;

/**
 * syscall latency by system call number, on the BTF-typed raw tracepoints sys_enter (regs, id) and sys_exit (regs,
 * result): the entry keeps the number and the time per thread, the exit adds the call to its number's totals. Only
 * the threads named "jt-..." of the process {@code targetPid} are measured.
 */
@Bpf(license = "GPL")
public final class SyscallLatency {
    @Struct
    public record Entry(long id, long nanos) {}

    @Struct
    public static final class Totals {
        public long calls;
        public long nanos;
        @Max public long slowest;
        public long failures;
    }

    @Constant static int targetPid;
    @Scratch public static final HashMap<Integer, Entry> entered = new HashMap<>(Integer.class, Entry.class, 4096);
    public static final HashMap<Long, Totals> byId = new HashMap<>(Long.class, Totals.class, 512);

    @Section("tp_btf/sys_enter")
    static int enter(TracingContext ctx) {
        if (pid() != targetPid) return 0;
        byte[] name = new byte[16];
        comm(name);
        if (Strings.startsWith(name, "jt-")) entered.update(tid(), new Entry(ctx.arg(1), ktime()));
        return 0;
    }

    @Section("tp_btf/sys_exit")
    static int exit(TracingContext ctx) {
        int thread = tid();
        Entry entry = entered.lookup(thread);
        if (entry == null) return 0;
        long nanos = ktime() - entry.nanos();
        long id = entry.id();
        entered.delete(thread);
        Totals t = byId.lookup(id);
        if (t == null) {
            byId.update(id, new Totals());
            t = byId.lookup(id);
            if (t == null) return 0;
        }
        t.calls++;
        t.nanos += nanos;
        if (nanos > t.slowest) t.slowest = nanos;
        if (ctx.arg(1) < 0) t.failures++;
        return 0;
    }
}
