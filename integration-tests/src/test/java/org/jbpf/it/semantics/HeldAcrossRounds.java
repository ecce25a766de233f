package org.jbpf.it.semantics;

import org.jbpf.Bpf;
import org.jbpf.Loops;
import org.jbpf.Section;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/**
 * Map values held from one round of a loop into the next where nothing wrote their elements since, or copied into a
 * long before an update: what jbpf translates of values held across rounds ({@link HeldAcrossRoundsKernelTest}). The
 * programs other than {@link #nested} use only {@code ArrayMap<Long>}, so that {@link ArrayMapModel} runs them on the JVM.
 */
@Bpf(license = "GPL")
public final class HeldAcrossRounds {
    @Struct
    public static final class Inner { public long x; }

    @Struct
    public static final class Outer { public long n; public Inner in = new Inner(); }

    public static final ArrayMap<Long> cells = new ArrayMap<>(Long.class, 4);
    public static final ArrayMap<Long> other = new ArrayMap<>(Long.class, 1);
    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 1);
    public static final ArrayMap<Outer> outers = new ArrayMap<>(Outer.class, 1);

    /** The previous round's number copied into a long before the update changes its element. */
    @Section("xdp/copied")
    static int copied(XdpContext ctx) {
        long prev = -1;
        long sum = 0;
        for (int i = 0; i < 3; i++) {
            Long cur = cells.lookup(0);
            if (cur == null) return XdpContext.XDP_ABORTED;
            if (prev >= 0) sum += prev * 10;
            prev = cur;
            cells.update(0, cur + 3);
        }
        out.update(0, sum + prev);
        return XdpContext.XDP_PASS;
    }

    /** The previous round's value of key 0 while only key 1 is written. */
    @Section("xdp/otherkey")
    static int otherKey(XdpContext ctx) {
        Long prev = null;
        long sum = 0;
        for (int i = 0; i < 3; i++) {
            Long cur = cells.lookup(0);
            if (prev != null) sum += prev;
            if (cur == null) return XdpContext.XDP_ABORTED;
            prev = cur;
            Long next = cells.lookup(1);
            if (next == null) return XdpContext.XDP_ABORTED;
            cells.update(1, next + cur);
        }
        out.update(0, sum);
        return XdpContext.XDP_PASS;
    }

    /** The previous round's value and this round's, each tested against null on its own. */
    @Section("xdp/nulltests")
    static int nullTests(XdpContext ctx) {
        Long prev = null;
        long sum = 0;
        for (int i = 0; i < 3; i++) {
            Long cur = cells.lookup(2);
            if (prev == null) sum += 7;
            if (cur == null) return XdpContext.XDP_ABORTED;
            if (prev != null) sum += prev * 1000;
            sum += cur;
            prev = cur;
            cells.update(3, cur + i);
        }
        out.update(0, sum);
        return XdpContext.XDP_PASS;
    }

    static Long cell(int key) { return cells.lookup(key); }

    /** An inlined method's lookup, its number used in the same round, before the update writes the element. */
    @Section("xdp/inlined")
    static int inlined(XdpContext ctx) {
        long sum = 0;
        for (int i = 0; i < 3; i++) {
            Long cur = cell(1);
            if (cur == null) return XdpContext.XDP_ABORTED;
            sum = sum * 2 + cur;
            cells.update(1, cur + 5);
        }
        out.update(0, sum);
        return XdpContext.XDP_PASS;
    }

    /** An iterator loop holding the previous round's value while another map is written. */
    @Section("xdp/numbers")
    static int numbers(XdpContext ctx) {
        Long prev = null;
        long sum = 0;
        Loops.Numbers it = Loops.numbers(0, 3);
        while (it.next()) {
            Long cur = cells.lookup(3);
            if (prev != null) sum += prev;
            if (cur == null) break;
            prev = cur;
            other.update(0, cur + it.value());
        }
        it.close();
        out.update(0, sum);
        return XdpContext.XDP_PASS;
    }

    /** Element i - 1, looked up after the previous round wrote it, written into element i (a stored update or a call). */
    @Section("xdp/chain")
    static int chain(XdpContext ctx) {
        Long previous = null;
        for (int i = 0; i < 4; i++) {
            if (previous != null) cells.update(i, previous * 2);
            previous = cells.lookup(i);
        }
        return XdpContext.XDP_PASS;
    }

    /**
     * A nested struct's number copied before the update replaces it, and the nested struct written in place each
     * round: outers[0].in.x goes x, x + 1, x + 2, x + 3, and out[0] is the sum of x .. x + 2 plus 100 times that of
     * x + 1 .. x + 3.
     */
    @Section("xdp/nested")
    static int nested(XdpContext ctx) {
        long prev = 0;
        long sum = 0;
        for (int i = 0; i < 3; i++) {
            Outer cur = outers.lookup(0);
            if (cur == null) return XdpContext.XDP_ABORTED;
            Inner in = cur.in;
            if (i > 0) sum += prev;
            prev = in.x;
            in.x = in.x + 1;
            sum += in.x * 100;
        }
        out.update(0, sum + prev);
        return XdpContext.XDP_PASS;
    }
}
