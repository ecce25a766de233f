package org.jbpf.translator.intrinsic;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Struct;
import org.jbpf.TracepointContext;
import org.jbpf.maps.ArrayMap;
import org.jbpf.maps.BpfMapDef;
import org.jbpf.maps.HashMap;
import org.jbpf.maps.PerCpuArray;

/** Probes for {@link ArrayElementStoresTest}: updates of a value the program looked up, some of which become stores. */
final class ArrayElementStoreProbes {
    @Struct
    public static final class Three { public long a, b, c; }

    @Struct
    public static final class Four { public long a, b, c, d; }

    @Bpf
    public static final class Largest {
        static final ArrayMap<Long> largest = new ArrayMap<>(Long.class, 1);

        @Section("tracepoint/syscalls/sys_exit_read")
        static long run(TracepointContext ctx) {
            long n = ctx.ret();
            Long max = largest.lookup(0);
            if (max != null && n > max) largest.update(0, n);
            return 0;
        }
    }

    @Bpf
    public static final class PerCpuLargest {
        static final PerCpuArray<Integer> largest = new PerCpuArray<>(Integer.class, 1);

        @Section("tracepoint/syscalls/sys_exit_read")
        static long run(TracepointContext ctx) {
            int n = (int) ctx.ret();
            Integer max = largest.lookup(0);
            if (max != null && n > max) largest.update(0, n);
            return 0;
        }
    }

    @Bpf
    public static final class StructOfThree {
        static final ArrayMap<Three> values = new ArrayMap<>(Three.class, 1);

        @Section("tracepoint/syscalls/sys_exit_read")
        static long run(TracepointContext ctx) {
            Three t = values.lookup(0);
            if (t == null) return 0;
            Three next = new Three();
            next.a = t.a + 1;
            next.c = ctx.ret();
            values.update(0, next);
            return 0;
        }
    }

    @Bpf
    public static final class StructOfFour {
        static final ArrayMap<Four> values = new ArrayMap<>(Four.class, 1);

        @Section("tracepoint/syscalls/sys_exit_read")
        static long run(TracepointContext ctx) {
            Four t = values.lookup(0);
            if (t == null) return 0;
            Four next = new Four();
            next.a = t.a + 1;
            next.d = ctx.ret();
            values.update(0, next);
            return 0;
        }
    }

    @Bpf
    public static final class ExistStatus {
        static final ArrayMap<Long> values = new ArrayMap<>(Long.class, 2);

        @Section("tracepoint/syscalls/sys_exit_read")
        static long run(TracepointContext ctx) {
            Long v = values.lookup(1);
            if (v == null) return 0;
            return values.update(1, v + 1, BpfMapDef.EXIST);
        }
    }

    @Bpf
    public static final class NoExist {
        static final ArrayMap<Long> values = new ArrayMap<>(Long.class, 2);

        @Section("tracepoint/syscalls/sys_exit_read")
        static long run(TracepointContext ctx) {
            Long v = values.lookup(1);
            if (v == null) return 0;
            return values.update(1, v + 1, BpfMapDef.NOEXIST);
        }
    }

    @Bpf
    public static final class Hash {
        static final HashMap<Integer, Long> largest = new HashMap<>(Integer.class, Long.class, 4);

        @Section("tracepoint/syscalls/sys_exit_read")
        static long run(TracepointContext ctx) {
            long n = ctx.ret();
            Long max = largest.lookup(0);
            if (max != null && n > max) largest.update(0, n);
            return 0;
        }
    }

    @Bpf
    public static final class OtherKey {
        static final ArrayMap<Long> values = new ArrayMap<>(Long.class, 2);

        @Section("tracepoint/syscalls/sys_exit_read")
        static long run(TracepointContext ctx) {
            Long v = values.lookup(0);
            if (v != null) values.update(1, v + 1);
            return 0;
        }
    }

    @Bpf
    public static final class MaybeNull {
        static final ArrayMap<Long> values = new ArrayMap<>(Long.class, 1);

        @Section("tracepoint/syscalls/sys_exit_read")
        static long run(TracepointContext ctx) {
            Long v = values.lookup(0);
            values.update(0, v == null ? 1L : v + 1);
            return 0;
        }
    }

    @Bpf
    public static final class KeyVariable {
        static final ArrayMap<Long> values = new ArrayMap<>(Long.class, 8);

        @Section("tracepoint/syscalls/sys_exit_read")
        static long run(TracepointContext ctx) {
            int k = (int) ctx.ret() & 7;
            Long v = values.lookup(k);
            if (v != null) values.update(k, v + 1);
            return 0;
        }
    }

    @Bpf
    public static final class KeyReassigned {
        static final ArrayMap<Long> values = new ArrayMap<>(Long.class, 8);

        @Section("tracepoint/syscalls/sys_exit_read")
        static long run(TracepointContext ctx) {
            int k = (int) ctx.ret() & 7;
            Long v = values.lookup(k);
            k = (k + 1) & 7;
            if (v != null) values.update(k, v + 1);
            return 0;
        }
    }

    @Bpf
    public static final class PreviousIteration {
        static final ArrayMap<Long> values = new ArrayMap<>(Long.class, 8);

        @Section("tracepoint/syscalls/sys_exit_read")
        static long run(TracepointContext ctx) {
            Long previous = null;
            for (int i = 0; i < 4; i++) {
                // previous is element i - 1, from the same lookup's last run, unwritten since
                if (previous != null) values.update(i, previous + 1);
                previous = values.lookup(i);
            }
            return 0;
        }
    }

    @Bpf
    public static final class KeyInHelper {
        static final ArrayMap<Long> values = new ArrayMap<>(Long.class, 8);

        static void bump(int k) {
            Long v = values.lookup(k);
            if (v != null) values.update(k, v + 1);
        }

        @Section("tracepoint/syscalls/sys_exit_read")
        static long run(TracepointContext ctx) {
            bump((int) ctx.ret() & 7);
            return 0;
        }
    }
}
