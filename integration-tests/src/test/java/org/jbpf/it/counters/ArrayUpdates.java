package org.jbpf.it.counters;

import org.jbpf.Bpf;
import org.jbpf.Helpers;
import org.jbpf.Section;
import org.jbpf.Struct;
import org.jbpf.TracepointContext;
import org.jbpf.maps.ArrayMap;
import org.jbpf.maps.BpfMapDef;
import org.jbpf.maps.HashMap;
import org.jbpf.maps.PerCpuArray;

/**
 * Updates of map values the program looked up under the same constant key and tested against null, on each of the
 * watched process's getpgid(arg) calls: array maps (per-CPU too, numbers and a struct, after a branch and in a loop),
 * where the update is a store through the looked-up pointer, and under a variable key in straight code; and the updates
 * that must stay calls: a hash map, another key, a pointer that may be null, a pointer from a loop's round before, and
 * NOEXIST, whose status (like the stores' 0) the program keeps.
 */
@Bpf(license = "GPL")
public final class ArrayUpdates {
    @Struct
    public static final class Span { public long low; public long high; }

    public static final ArrayMap<Integer> watchPid = new ArrayMap<>(Integer.class, 1);
    /** [0]: the largest argument so far. */
    public static final ArrayMap<Long> largest = new ArrayMap<>(Long.class, 2);
    /** Each CPU's largest argument. */
    public static final PerCpuArray<Long> cpuLargest = new PerCpuArray<>(Long.class, 1);
    /** The smallest and largest argument, low starting from what Java put there. */
    public static final ArrayMap<Span> spans = new ArrayMap<>(Span.class, 1);
    /** [0]: even arguments add 10, odd ones 1, the update after both branches; [1]: 1 + 2 per call, a loop's two updates. */
    public static final ArrayMap<Long> tallies = new ArrayMap<>(Long.class, 2);
    /** Statuses: [0] of an in-place update with EXIST, [1] of an update with NOEXIST (which an array refuses). */
    public static final ArrayMap<Long> statuses = new ArrayMap<>(Long.class, 2);
    /** The largest argument, in a hash map: its update stays a call. */
    public static final HashMap<Integer, Long> hashLargest = new HashMap<>(Integer.class, Long.class, 4);
    /** [1] := [0] + the argument: looked up under one key, updated under another. */
    public static final ArrayMap<Long> shifted = new ArrayMap<>(Long.class, 2);
    /** The sum of the arguments, updated whether or not the lookup found a value. */
    public static final ArrayMap<Long> sums = new ArrayMap<>(Long.class, 1);
    /** [2] := [1] + 1: a loop's update under its counter, holding the pointer its lookup gave in the round before. */
    public static final ArrayMap<Long> chain = new ArrayMap<>(Long.class, 4);
    /** The calls by the argument's low bit: looked up and updated under the same variable, in straight code. */
    public static final ArrayMap<Long> byParity = new ArrayMap<>(Long.class, 2);

    @Section("tracepoint/syscalls/sys_enter_getpgid")
    static long count(TracepointContext ctx) {
        Integer want = watchPid.lookup(0);
        if (want == null || want != Helpers.pid()) return 0;
        long arg = ctx.arg(0);

        Long max = largest.lookup(0);
        if (max != null && arg > max) largest.update(0, arg);

        Long cpuMax = cpuLargest.lookup(0);
        if (cpuMax != null && arg > cpuMax) cpuLargest.update(0, arg);

        Span s = spans.lookup(0);
        if (s != null) {
            Span next = new Span();
            next.low = arg < s.low ? arg : s.low;
            next.high = arg > s.high ? arg : s.high;
            spans.update(0, next);
        }

        Long tally = tallies.lookup(0);
        if (tally == null) return 0;
        long step;
        if ((arg & 1) == 0) step = 10; else step = 1;
        tallies.update(0, tally + step);

        int parity = (int) arg & 1;
        Long seen = byParity.lookup(parity);
        if (seen != null) byParity.update(parity, seen + 1);

        Long st = statuses.lookup(0);
        if (st != null) {
            long exist = statuses.update(0, st, BpfMapDef.EXIST);
            long noexist = statuses.update(1, 5L, BpfMapDef.NOEXIST);
            statuses.update(0, exist);
            statuses.update(1, noexist);
        }

        Long h = hashLargest.lookup(0);
        if (h == null || arg > h) hashLargest.update(0, arg);

        Long from = shifted.lookup(0);
        if (from != null) shifted.update(1, from + arg);

        Long sum = sums.lookup(0);
        sums.update(0, sum == null ? arg : sum + arg);
        return 0;
    }

    /** The loops, in a program of their own: the other's straight code lets a variable key update in place. */
    @Section("tracepoint/syscalls/sys_exit_getpgid")
    static long loops(TracepointContext ctx) {
        Integer want = watchPid.lookup(0);
        if (want == null || want != Helpers.pid()) return 0;
        for (int i = 1; i <= 2; i++) {
            Long t = tallies.lookup(1);
            if (t != null) tallies.update(1, t + i);
        }
        // previous is element i - 1 from the lookup's last run, which wrote nothing since
        Long previous = null;
        for (int i = 0; i < 4; i++) {
            if (previous != null && i == 2) chain.update(i, previous + 1);
            previous = chain.lookup(i);
        }
        return 0;
    }
}
