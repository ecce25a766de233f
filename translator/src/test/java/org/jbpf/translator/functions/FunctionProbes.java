package org.jbpf.translator.functions;

import org.jbpf.Bpf;
import org.jbpf.Inline;
import org.jbpf.Loops;
import org.jbpf.NoInline;
import org.jbpf.Section;
import org.jbpf.Size;
import org.jbpf.Struct;
import org.jbpf.TracepointContext;
import org.jbpf.maps.ArrayMap;

/** Probes for {@link FunctionCallsTest}: BPF functions chosen, forced and refused. Line numbers are asserted. */
final class FunctionProbes {
    @Struct
    public static final class Counter { public long n; }

    @Struct
    public static final class Block { @Size(256) public byte[] data; }

    @Struct
    public static final class BigBlock { @Size(264) public byte[] data; }

    /** About 20 bytecode instructions. */
    static long big(long a, long b) {
        long h = a * 31 + b;
        h ^= h >>> 7;
        h *= 0x12345L;
        h ^= h >>> 11;
        return h + (a & 0xff);
    }

    static long small(long a) { return a + 1; }

    @Bpf
    public static final class Choices {
        @Section("tracepoint/syscalls/sys_enter_getpid")
        static long run(TracepointContext ctx) {
            long x = ctx.arg(0);
            long sum = big(x, 1) + big(x, 2) + big(x, 3) + big(x, 4) + big(x, 5);
            return sum + small(x) + small(x + 1) + small(x + 2) + small(x + 3) + small(x + 4);
        }
    }

    @Bpf
    public static final class CalledOnce {
        @Section("tracepoint/syscalls/sys_enter_getpid")
        static long run(TracepointContext ctx) {
            long once = big(ctx.arg(0), 1);
            return once;
        }
    }

    @Inline
    static long bigInlined(long a, long b) {
        long h = a * 31 + b;
        h ^= h >>> 7;
        h *= 0x12345L;
        h ^= h >>> 11;
        return h + (a & 0xff);
    }

    @Bpf
    public static final class ForcedInline {
        @Section("tracepoint/syscalls/sys_enter_getpid")
        static long run(TracepointContext ctx) {
            long x = ctx.arg(0);
            long sum = bigInlined(x, 1) + bigInlined(x, 2) + bigInlined(x, 3) + bigInlined(x, 4) + bigInlined(x, 5);
            return sum;
        }
    }

    @NoInline
    @Inline
    static long both(long a) { return a; }

    @Bpf
    public static final class BothMarks {
        @Section("tracepoint/syscalls/sys_enter_getpid")
        static long run(TracepointContext ctx) {
            long v = both(ctx.arg(0));   // line 81
            return v;
        }
    }

    @NoInline
    static long fromMap(ArrayMap<Long> map) { Long v = map.lookup(0); return v == null ? 0 : v; }

    @Bpf
    public static final class MapArgument {
        static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 8);

        @Section("tracepoint/syscalls/sys_enter_getpid")
        static long run(TracepointContext ctx) {
            return fromMap(out);   // line 95
        }
    }

    @NoInline
    static long six(long a, long b, long c, long d, long e, long f) { return a + b + c + d + e + f; }

    @Bpf
    public static final class SixParameters {
        @Section("tracepoint/syscalls/sys_enter_getpid")
        static long run(TracepointContext ctx) {
            return six(1, 2, 3, 4, 5, ctx.arg(0));   // line 106
        }
    }

    @NoInline
    static Counter same(Counter c) { return c; }

    @Bpf
    public static final class ReturnsReference {
        @Section("tracepoint/syscalls/sys_enter_getpid")
        static long run(TracepointContext ctx) {
            Counter c = new Counter();
            return same(c).n;   // line 118
        }
    }

    @NoInline
    static long fill(Block b) { b.data[0] = 1; BigBlock big = new BigBlock(); big.data[1] = 2; return b.data[0] + big.data[1]; }

    @Bpf
    public static final class DeepStack {
        @Section("tracepoint/syscalls/sys_enter_getpid")
        static long run(TracepointContext ctx) {
            Block b = new Block();
            return fill(b);
        }
    }

    static long step(int i, Counter c) { c.n += i; return 0; }

    @Bpf
    public static final class CapturingLambda {
        @Section("tracepoint/syscalls/sys_enter_getpid")
        static long run(TracepointContext ctx) {
            long k = ctx.arg(0) + 3;
            Counter c = new Counter();
            return Loops.repeat(10, (i, s) -> { s.n += k; return 0; }, c) + c.n;   // line 142
        }
    }

    @Bpf
    public static final class MapValueState {
        static final ArrayMap<Counter> counters = new ArrayMap<>(Counter.class, 1);

        @Section("tracepoint/syscalls/sys_enter_getpid")
        static long run(TracepointContext ctx) {
            Counter c = counters.lookup(0);
            if (c == null) return 0;
            return Loops.repeat(10, FunctionProbes::step, c);   // line 154
        }
    }

    @Bpf
    public static final class LambdaBody {
        @Section("tracepoint/syscalls/sys_enter_getpid")
        static long run(TracepointContext ctx) {
            Counter c = new Counter();
            int ran = Loops.repeat(10, (i, s) -> { s.n += i; return i == 4 ? 1 : 0; }, c);
            return ran + c.n;
        }
    }
}
