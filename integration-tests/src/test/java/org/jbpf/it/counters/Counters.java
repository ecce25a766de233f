package org.jbpf.it.counters;

import org.jbpf.Atomic;
import org.jbpf.Bpf;
import org.jbpf.Helpers;
import org.jbpf.Section;
import org.jbpf.Struct;
import org.jbpf.TracepointContext;
import org.jbpf.maps.ArrayMap;
import org.jbpf.maps.HashMap;
import org.jbpf.maps.PerCpuHashMap;

/** Counts the watched process's getppid() calls with in-place adds: map increments, struct field adds, per-CPU adds. */
@Bpf(license = "GPL")
public final class Counters {
    @Struct
    public static final class Stats { public long calls; public int bytes; public long plain; }

    public static final ArrayMap<Integer> watchPid = new ArrayMap<>(Integer.class, 1);
    /** The delta of the Integer counter, set by the test: a delta in a register, not a constant. */
    public static final ArrayMap<Integer> step = new ArrayMap<>(Integer.class, 1);
    /** Key 0 is shared by every thread; key 1 counts by 5. */
    public static final HashMap<Integer, Long> hits = new HashMap<>(Integer.class, Long.class, 8);
    public static final HashMap<Integer, Integer> small = new HashMap<>(Integer.class, Integer.class, 8);
    public static final PerCpuHashMap<Integer, Long> perCpu = new PerCpuHashMap<>(Integer.class, Long.class, 8);
    public static final ArrayMap<Long> slots = new ArrayMap<>(Long.class, 4);
    /** What increment returned: key 0 for slot 9 of a 4-slot array, key 1 for a full hash map. */
    public static final ArrayMap<Long> results = new ArrayMap<>(Long.class, 2);
    public static final HashMap<Integer, Long> full = new HashMap<>(Integer.class, Long.class, 1);
    public static final HashMap<Integer, Stats> stats = new HashMap<>(Integer.class, Stats.class, 8);

    static boolean watched() {
        Integer want = watchPid.lookup(0);
        return want != null && want == Helpers.pid();
    }

    @Section("tracepoint/syscalls/sys_enter_getppid")
    static long count(TracepointContext ctx) {
        if (!watched()) return 0;
        hits.increment(0);
        hits.add(1, 5);
        Integer d = step.lookup(0);
        if (d != null) small.add(0, d);
        perCpu.increment(0);
        slots.increment(2);
        Long outOfRange = results.lookup(0);
        if (outOfRange != null) results.update(0, slots.increment(9));
        full.increment(Helpers.tid());
        results.update(1, full.increment(-1));
        return 0;
    }

    @Section("tracepoint/syscalls/sys_exit_getppid")
    static long fields(TracepointContext ctx) {
        if (!watched()) return 0;
        Stats s = stats.lookup(0);
        if (s == null) {
            stats.update(0, new Stats(), HashMap.NOEXIST);
            s = stats.lookup(0);
            if (s == null) return 0;
        }
        Atomic.increment(s, "calls");
        Atomic.add(s, "bytes", 2);
        s.plain++;
        return 0;
    }
}
