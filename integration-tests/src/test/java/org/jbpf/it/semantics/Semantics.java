package org.jbpf.it.semantics;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/**
 * Plain Java computations run twice: by the JVM, and translated into XDP programs run by the kernel with
 * BPF_PROG_TEST_RUN. Inputs come from a map so nothing can be folded at translation time.
 */
@Bpf(license = "GPL")
public final class Semantics {
    public static final ArrayMap<Long> in = new ArrayMap<>(Long.class, 2);
    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 16);

    @Struct
    public static final class Pair {
        public byte small;
        public short medium;
        public int word;
        public long wide;
    }

    // ---- the computations, callable from Java ---------------------------------------------------------

    static long intArithmetic(long a, long b) {
        int x = (int) a, y = (int) b;
        int r = x * 31 + y - (x ^ y) + (x & 0xff) - (y | 7);
        return r + (long) (x << (y & 31)) + (x >> 3) + (x >>> 5);
    }

    static long longArithmetic(long a, long b) {
        long r = a * 1_000_003L - b + (a ^ (b << 7)) + (a >>> 11) + (b >> 2);
        return r + (a << (b & 63)) - ~a;
    }

    static long division(long a, long b) {
        int x = (int) a, y = (int) b;
        if (y == 0 || b == 0) return -7;
        return (x / y) * 1000 + (x % y) + a / b + a % b + x / 7 + a % 13 + x / -3;
    }

    static long unsigned(long a, long b) {
        int x = (int) a, y = (int) b;
        long r = Integer.toUnsignedLong(x) + (Integer.compareUnsigned(x, y) < 0 ? 1 : 2) + (Long.compareUnsigned(a, b) > 0 ? 10 : 20);
        if (y != 0) r += Integer.divideUnsigned(x, y) + Integer.remainderUnsigned(x, y);
        if (b != 0) r += Long.divideUnsigned(a, b) + Long.remainderUnsigned(a, b);
        return r;
    }

    static long comparisons(long a, long b) {
        int x = (int) a, y = (int) b;
        long r = 0;
        if (x < y) r |= 1;
        if (x <= y) r |= 2;
        if (x > y) r |= 4;
        if (x >= y) r |= 8;
        if (x == y) r |= 16;
        if (a < b) r |= 32;
        if (a > b) r |= 64;
        if (a == b) r |= 128;
        if (a != 0) r |= 256;
        r += Math.min(x, y) + Math.max(a, b) + Math.abs(x) + Math.abs(a);
        return r + (a < 0 ? 1 : 0) + (x > 0 ? 1000 : -1000);
    }

    static long loops(long a, long b) {
        long v = a;
        int bits = 0;
        for (int i = 0; i < 64; i++) {
            if ((v & 1) != 0) bits++;
            v >>>= 1;
        }
        int log = 0;
        long w = b;
        for (int i = 0; i < 63 && w > 1; i++) {
            w >>>= 1;
            log++;
        }
        long sum = 0;
        int k = (int) (a & 15);
        while (k > 0) {
            sum += k * b;
            k--;
        }
        return bits * 1000L + log * 100L + sum;
    }

    static long narrowing(long a, long b) {
        byte x = (byte) a;
        short s = (short) b;
        char c = (char) (a >> 8);
        int i = (int) (a >> 16);
        return x + s * 3L + c * 7L + i + (byte) (x + 100) + (short) (s * 3);
    }

    static long structs(long a, long b) {
        Pair p = new Pair();
        p.small = (byte) a;
        p.medium = (short) (a >> 8);
        p.word = (int) b;
        p.wide = a * b;
        Pair q = new Pair();
        q.wide = p.wide + p.word;
        q.small = (byte) (p.small + 1);
        return p.small + p.medium + p.word + p.wide + q.wide + q.small + q.medium;
    }

    static long switches(long a, long b) {
        int k = (int) (a & 7);
        long r;
        switch (k) {
            case 0: r = 10; break;
            case 1: r = b; break;
            case 2:
            case 3: r = a + b; break;
            case 5: r = -1; break;
            default: r = k * 3L;
        }
        switch ((int) b) {
            case 100: r += 1; break;
            case -7: r += 2; break;
            case 1 << 20: r += 3; break;
            default: r += 4;
        }
        return r;
    }

    static long helperCalls(long a, long b) {
        return twice(a) + twice(twice(b)) - (a > b ? twice(a - b) : twice(b - a));
    }

    static long twice(long v) { return v + v; }

    // ---- the programs: read inputs, compute, store the result -------------------------------------------

    static int store(int slot, long value) {
        out.update(slot, value);
        return XdpContext.XDP_PASS;
    }

    @Section("xdp/int")
    static int runIntArithmetic(XdpContext ctx) {
        Long a = in.lookup(0), b = in.lookup(1);
        if (a == null || b == null) return XdpContext.XDP_ABORTED;
        return store(0, intArithmetic(a, b));
    }

    @Section("xdp/long")
    static int runLongArithmetic(XdpContext ctx) {
        Long a = in.lookup(0), b = in.lookup(1);
        if (a == null || b == null) return XdpContext.XDP_ABORTED;
        return store(1, longArithmetic(a, b));
    }

    @Section("xdp/div")
    static int runDivision(XdpContext ctx) {
        Long a = in.lookup(0), b = in.lookup(1);
        if (a == null || b == null) return XdpContext.XDP_ABORTED;
        return store(2, division(a, b));
    }

    @Section("xdp/unsigned")
    static int runUnsigned(XdpContext ctx) {
        Long a = in.lookup(0), b = in.lookup(1);
        if (a == null || b == null) return XdpContext.XDP_ABORTED;
        return store(3, unsigned(a, b));
    }

    @Section("xdp/compare")
    static int runComparisons(XdpContext ctx) {
        Long a = in.lookup(0), b = in.lookup(1);
        if (a == null || b == null) return XdpContext.XDP_ABORTED;
        return store(4, comparisons(a, b));
    }

    @Section("xdp/loops")
    static int runLoops(XdpContext ctx) {
        Long a = in.lookup(0), b = in.lookup(1);
        if (a == null || b == null) return XdpContext.XDP_ABORTED;
        return store(5, loops(a, b));
    }

    @Section("xdp/narrow")
    static int runNarrowing(XdpContext ctx) {
        Long a = in.lookup(0), b = in.lookup(1);
        if (a == null || b == null) return XdpContext.XDP_ABORTED;
        return store(6, narrowing(a, b));
    }

    @Section("xdp/switch")
    static int runSwitches(XdpContext ctx) {
        Long a = in.lookup(0), b = in.lookup(1);
        if (a == null || b == null) return XdpContext.XDP_ABORTED;
        return store(8, switches(a, b));
    }

    @Section("xdp/calls")
    static int runHelperCalls(XdpContext ctx) {
        Long a = in.lookup(0), b = in.lookup(1);
        if (a == null || b == null) return XdpContext.XDP_ABORTED;
        return store(9, helperCalls(a, b));
    }

    @Section("xdp/structs")
    static int runStructs(XdpContext ctx) {
        Long a = in.lookup(0), b = in.lookup(1);
        if (a == null || b == null) return XdpContext.XDP_ABORTED;
        return store(7, structs(a, b));
    }
}
