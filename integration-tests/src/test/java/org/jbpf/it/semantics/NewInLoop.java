package org.jbpf.it.semantics;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/**
 * Structs and arrays made by new inside loops that jbpf translates: each new has one stack area, and these programs
 * use an object made in an earlier round only before that new runs again (its numbers copied into locals first, read
 * as the next constructor's arguments, or the last one read after the loop). {@link NewInLoopKernelTest} runs the same
 * methods on the JVM.
 */
@Bpf(license = "GPL")
public final class NewInLoop {
    @Struct
    public static final class Pair {
        public long a;
        public long b;
    }

    @Struct
    public static final class Cell {
        public long v;

        public Cell() {}

        public Cell(long v) { this.v = v; }
    }

    public static final ArrayMap<Long> in = new ArrayMap<>(Long.class, 1);
    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 4);
    public static final ArrayMap<Pair> sent = new ArrayMap<>(Pair.class, 4);

    /** The previous round's numbers copied into locals before the next Pair is made. */
    static long copiedFirst(long x) {
        Pair prev = new Pair();
        prev.a = x;
        prev.b = 1;
        for (int i = 0; i < 4; i++) {
            long a = prev.a, b = prev.b;
            Pair cur = new Pair();
            cur.a = a * 3 + i;
            cur.b = b + a;
            prev = cur;
        }
        return prev.a ^ prev.b;
    }

    static Cell cell(long v) {
        Cell c = new Cell();
        c.v = v;
        return c;
    }

    /** The previous round's object read in the arguments of the call and the constructor that make the next one. */
    static long argumentsFirst(long x) {
        Cell prev = cell(x);
        Cell other = new Cell(x + 5);
        for (int i = 0; i < 3; i++) {
            prev = cell(prev.v * 2 + i);
            other = new Cell(other.v - prev.v);
        }
        return prev.v * 7 + other.v;
    }

    /** The last round's object and array read after the loop. */
    static long lastAfterLoop(long x) {
        Pair last = new Pair();
        long[] window = new long[2];
        for (int i = 0; i < 5; i++) {
            Pair cur = new Pair();
            cur.a = x + i;
            cur.b = cur.a * cur.a;
            long[] w = new long[2];
            w[0] = cur.b - x;
            w[1] = i;
            last = cur;
            window = w;
        }
        return last.a + last.b + window[0] * 3 + window[1];
    }

    @Section("xdp/copied")
    static int runCopied(XdpContext ctx) {
        Long x = in.lookup(0);
        if (x == null) return XdpContext.XDP_ABORTED;
        out.update(0, copiedFirst(x));
        return XdpContext.XDP_PASS;
    }

    @Section("xdp/arguments")
    static int runArguments(XdpContext ctx) {
        Long x = in.lookup(0);
        if (x == null) return XdpContext.XDP_ABORTED;
        out.update(1, argumentsFirst(x));
        return XdpContext.XDP_PASS;
    }

    @Section("xdp/last")
    static int runLast(XdpContext ctx) {
        Long x = in.lookup(0);
        if (x == null) return XdpContext.XDP_ABORTED;
        out.update(2, lastAfterLoop(x));
        return XdpContext.XDP_PASS;
    }

    /** A Pair made, filled and sent each round, then forgotten. */
    @Section("xdp/sent")
    static int runSent(XdpContext ctx) {
        Long x = in.lookup(0);
        if (x == null) return XdpContext.XDP_ABORTED;
        for (int i = 0; i < 4; i++) {
            Pair p = new Pair();
            p.a = x + i;
            p.b = (x + i) * 10;
            sent.update(i, p);
        }
        return XdpContext.XDP_PASS;
    }
}
