package org.jbpf.translator.counters;

import org.jbpf.Atomic;
import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Struct;
import org.jbpf.TracepointContext;
import org.jbpf.maps.ArrayMap;
import org.jbpf.maps.HashMap;
import org.jbpf.maps.PerCpuArray;

/** Probes for {@link CounterCallsTest}: in-place adds used well and misused. Line numbers are asserted. */
final class CounterProbes {
    @Struct
    public static final class Stats { public long calls; public int bytes; public byte flags; }

    @Bpf
    public static final class Increments {
        static final HashMap<Integer, Long> longs = new HashMap<>(Integer.class, Long.class, 16);
        static final HashMap<Integer, Integer> ints = new HashMap<>(Integer.class, Integer.class, 16);
        static final PerCpuArray<Long> perCpu = new PerCpuArray<>(Long.class, 4);
        static final ArrayMap<Long> status = new ArrayMap<>(Long.class, 1);

        @Section("tracepoint/syscalls/sys_enter_getpid")
        static long run(TracepointContext ctx) {
            longs.increment(1);
            ints.add(2, 40);
            perCpu.increment(3);
            status.update(0, longs.add(4, -1));
            return 0;
        }
    }

    @Bpf
    public static final class PlainFieldAdd {
        static final HashMap<Integer, Stats> stats = new HashMap<>(Integer.class, Stats.class, 16);

        @Section("tracepoint/syscalls/sys_enter_getpid")
        static long run(TracepointContext ctx) {
            Stats s = stats.lookup(0);
            if (s != null) {
                s.calls++;
                s.bytes += 3;
            }
            return 0;
        }
    }

    @Bpf
    public static final class AtomicFields {
        static final HashMap<Integer, Stats> stats = new HashMap<>(Integer.class, Stats.class, 16);

        @Section("tracepoint/syscalls/sys_enter_getpid")
        static long run(TracepointContext ctx) {
            Stats s = stats.lookup(0);
            if (s != null) {
                Atomic.increment(s, "calls");
                Atomic.add(s, "bytes", 3);
            }
            return 0;
        }
    }

    @Bpf
    public static final class IncrementStructMap {
        static final HashMap<Integer, Stats> stats = new HashMap<>(Integer.class, Stats.class, 16);

        @Section("tracepoint/syscalls/sys_enter_getpid")
        static long run(TracepointContext ctx) {
            stats.increment(0); // line 70
            return 0;
        }
    }

    @Bpf
    public static final class AtomicNoSuchField {
        static final HashMap<Integer, Stats> stats = new HashMap<>(Integer.class, Stats.class, 16);

        @Section("tracepoint/syscalls/sys_enter_getpid")
        static long run(TracepointContext ctx) {
            Stats s = stats.lookup(0);
            if (s != null) Atomic.add(s, "count", 1); // line 82
            return 0;
        }
    }

    @Bpf
    public static final class AtomicByteField {
        static final HashMap<Integer, Stats> stats = new HashMap<>(Integer.class, Stats.class, 16);

        @Section("tracepoint/syscalls/sys_enter_getpid")
        static long run(TracepointContext ctx) {
            Stats s = stats.lookup(0);
            if (s != null) Atomic.increment(s, "flags"); // line 94
            return 0;
        }
    }

    @Bpf
    public static final class AtomicNullable {
        static final HashMap<Integer, Stats> stats = new HashMap<>(Integer.class, Stats.class, 16);

        @Section("tracepoint/syscalls/sys_enter_getpid")
        static long run(TracepointContext ctx) {
            Stats s = stats.lookup(0);
            Atomic.increment(s, "calls"); // line 106
            return 0;
        }
    }

    @Bpf
    public static final class AtomicFieldNotConstant {
        static final HashMap<Integer, Stats> stats = new HashMap<>(Integer.class, Stats.class, 16);

        @Section("tracepoint/syscalls/sys_enter_getpid")
        static long run(TracepointContext ctx) {
            Stats s = stats.lookup(0);
            String name = org.jbpf.Helpers.cpu() == 0 ? "calls" : "bytes";
            if (s != null) Atomic.increment(s, name); // line 119
            return 0;
        }
    }

    private CounterProbes() {}
}
