package org.jbpf.translator.analysis;

import org.jbpf.Bpf;
import org.jbpf.Loops;
import org.jbpf.Section;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;
import org.jbpf.maps.HashMap;

/**
 * Probes for {@link HeldAcrossRoundsTest}: map values a variable holds from an earlier round of a loop, which an
 * update since may have changed in place (refused), or which nothing wrote since (translated).
 */
final class HeldAcrossRoundsProbes {
    @Struct
    public static final class Pair { public long a, b; }

    @Struct
    public static final class Inner { public long x; }

    @Struct
    public static final class Outer { public long n; public Inner in = new Inner(); }

    /** The previous round's value read after this round's lookup of the same key, then the key updated. */
    @Bpf
    public static final class PreviousRoundArray {
        static final ArrayMap<Long> cells = new ArrayMap<>(Long.class, 4);
        static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 1);

        @Section("xdp")
        static int run(XdpContext ctx) {
            Long prev = null;
            long sum = 0;
            for (int i = 0; i < 3; i++) {
                Long cur = cells.lookup(0);
                if (prev != null) sum += prev;
                if (cur == null) return XdpContext.XDP_ABORTED;
                prev = cur;
                cells.update(0, cur + 1);
            }
            out.update(0, sum);
            return XdpContext.XDP_PASS;
        }
    }

    @Bpf
    public static final class PreviousRoundWhileHash {
        static final HashMap<Integer, Long> cells = new HashMap<>(Integer.class, Long.class, 4);
        static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 1);

        @Section("xdp")
        static int run(XdpContext ctx) {
            Long prev = null;
            long sum = 0;
            int i = 0;
            while (i < 3) {
                Long cur = cells.lookup(7);
                if (prev != null) sum += prev;
                if (cur == null) return XdpContext.XDP_ABORTED;
                prev = cur;
                cells.update(7, cur + 1);
                i++;
            }
            out.update(0, sum);
            return XdpContext.XDP_PASS;
        }
    }

    @Bpf
    public static final class PreviousRoundNumbers {
        static final ArrayMap<Long> cells = new ArrayMap<>(Long.class, 4);
        static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 1);

        @Section("xdp")
        static int run(XdpContext ctx) {
            Long prev = null;
            long sum = 0;
            Loops.Numbers it = Loops.numbers(0, 3);
            while (it.next()) {
                Long cur = cells.lookup(1);
                if (prev != null) sum += prev;
                if (cur == null) break;
                prev = cur;
                cells.increment(1);
            }
            it.close();
            out.update(0, sum);
            return XdpContext.XDP_PASS;
        }
    }

    /** A struct value of the previous round, replaced by an update of its key since. */
    @Bpf
    public static final class PreviousRoundStruct {
        static final ArrayMap<Pair> pairs = new ArrayMap<>(Pair.class, 4);
        static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 1);

        @Section("xdp")
        static int run(XdpContext ctx) {
            Pair prev = null;
            long sum = 0;
            for (int i = 0; i < 3; i++) {
                Pair cur = pairs.lookup(0);
                if (prev != null) sum += prev.a;
                if (cur == null) return XdpContext.XDP_ABORTED;
                prev = cur;
                Pair next = new Pair();
                next.a = cur.a + 1;
                pairs.update(0, next);
            }
            out.update(0, sum);
            return XdpContext.XDP_PASS;
        }
    }

    /** A nested struct read from the previous round's value, which an update of its key replaced since. */
    @Bpf
    public static final class PreviousRoundNested {
        static final ArrayMap<Outer> outers = new ArrayMap<>(Outer.class, 4);
        static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 1);

        @Section("xdp")
        static int run(XdpContext ctx) {
            Inner prev = null;
            long sum = 0;
            for (int i = 0; i < 3; i++) {
                Outer cur = outers.lookup(0);
                if (cur == null) return XdpContext.XDP_ABORTED;
                Inner in = cur.in;
                if (prev != null) sum += prev.x;
                prev = in;
                Outer next = new Outer();
                next.in.x = in.x + 1;
                outers.update(0, next);
            }
            out.update(0, sum);
            return XdpContext.XDP_PASS;
        }
    }

    /** Element i - 1 as looked up in the previous round, which that round's update wrote in place since. */
    @Bpf
    public static final class PreviousElementWritten {
        static final ArrayMap<Long> values = new ArrayMap<>(Long.class, 8);

        @Section("xdp")
        static int run(XdpContext ctx) {
            Long previous = null;
            for (int i = 0; i < 4; i++) {
                Long v = values.lookup(i);
                if (previous != null) values.update(i, previous + 1);
                previous = v;
            }
            return XdpContext.XDP_PASS;
        }
    }

    /** A hash map's value of the previous round, whose element a delete freed and the update took again. */
    @Bpf
    public static final class PreviousRoundDeleted {
        static final HashMap<Integer, Long> cells = new HashMap<>(Integer.class, Long.class, 4);
        static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 1);

        @Section("xdp")
        static int run(XdpContext ctx) {
            Long prev = null;
            long sum = 0;
            for (int i = 0; i < 3; i++) {
                Long cur = cells.lookup(2);
                if (prev != null) sum += prev;
                if (cur == null) return XdpContext.XDP_ABORTED;
                prev = cur;
                long v = cur;
                cells.delete(2);
                cells.update(2, v + 5);
            }
            out.update(0, sum);
            return XdpContext.XDP_PASS;
        }
    }

    static Long cell(ArrayMap<Long> map, int key) { return map.lookup(key); }

    /** The lookup in an inlined method: the previous round's value, which the update changed since. */
    @Bpf
    public static final class PreviousRoundInlined {
        static final ArrayMap<Long> cells = new ArrayMap<>(Long.class, 4);
        static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 1);

        @Section("xdp")
        static int run(XdpContext ctx) {
            Long prev = null;
            long sum = 0;
            for (int i = 0; i < 3; i++) {
                Long cur = cell(cells, 0);
                if (prev != null) sum += prev;
                if (cur == null) return XdpContext.XDP_ABORTED;
                prev = cur;
                cells.update(0, cur + 1);
            }
            out.update(0, sum);
            return XdpContext.XDP_PASS;
        }
    }

    /** The previous round's value copied into a long before the update: Java's number. */
    @Bpf
    public static final class CopiedBeforeUpdate {
        static final ArrayMap<Long> cells = new ArrayMap<>(Long.class, 4);
        static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 1);

        @Section("xdp")
        static int run(XdpContext ctx) {
            long prev = -1;
            long sum = 0;
            for (int i = 0; i < 3; i++) {
                Long cur = cells.lookup(0);
                if (cur == null) return XdpContext.XDP_ABORTED;
                if (prev >= 0) sum += prev;
                prev = cur;
                cells.update(0, cur + 1);
            }
            out.update(0, sum);
            return XdpContext.XDP_PASS;
        }
    }

    /** The previous round's value of key 0, while only key 1 is written: an array map keeps key 0's element. */
    @Bpf
    public static final class OtherKeyWritten {
        static final ArrayMap<Long> cells = new ArrayMap<>(Long.class, 4);
        static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 1);

        @Section("xdp")
        static int run(XdpContext ctx) {
            Long prev = null;
            long sum = 0;
            for (int i = 0; i < 3; i++) {
                Long cur = cells.lookup(0);
                if (prev != null) sum += prev;
                if (cur == null) return XdpContext.XDP_ABORTED;
                prev = cur;
                Long other = cells.lookup(1);
                if (other == null) return XdpContext.XDP_ABORTED;
                cells.update(1, other + cur);
            }
            out.update(0, sum);
            return XdpContext.XDP_PASS;
        }
    }

    /** Tests of the previous round's value against null, apart from this round's: neither decides the other. */
    @Bpf
    public static final class PreviousNullTest {
        static final ArrayMap<Long> cells = new ArrayMap<>(Long.class, 4);
        static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 1);

        @Section("xdp")
        static int run(XdpContext ctx) {
            Long prev = null;
            long sum = 0;
            for (int i = 0; i < 3; i++) {
                Long cur = cells.lookup(2);
                if (cur == null) return XdpContext.XDP_ABORTED;
                if (prev != null) sum += prev * 1000;
                sum += cur;
                prev = cur;
            }
            out.update(0, sum);
            return XdpContext.XDP_PASS;
        }
    }

    /** The lookup in an inlined method, its value used in the same round before the update. */
    @Bpf
    public static final class InlinedLookupEachRound {
        static final ArrayMap<Long> cells = new ArrayMap<>(Long.class, 4);
        static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 1);

        @Section("xdp")
        static int run(XdpContext ctx) {
            long sum = 0;
            for (int i = 0; i < 3; i++) {
                Long cur = cell(cells, 0);
                if (cur == null) return XdpContext.XDP_ABORTED;
                sum += cur;
                cells.update(0, cur + 1);
            }
            out.update(0, sum);
            return XdpContext.XDP_PASS;
        }
    }

    static Long either(Long given, ArrayMap<Long> map) { return given != null ? given : map.lookup(3); }

    /** An inlined method that may return the value it is given, from the previous round, which the update changed. */
    @Bpf
    public static final class InlinedReturnsGiven {
        static final ArrayMap<Long> cells = new ArrayMap<>(Long.class, 4);
        static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 1);

        @Section("xdp")
        static int run(XdpContext ctx) {
            Long prev = null;
            long sum = 0;
            for (int i = 0; i < 3; i++) {
                Long cur = either(prev, cells);
                if (cur == null) return XdpContext.XDP_ABORTED;
                sum += cur;
                prev = cur;
                cells.update(3, cur + 1);
            }
            out.update(0, sum);
            return XdpContext.XDP_PASS;
        }
    }

    static Inner innerOf(Outer o) { return o.in; }

    /**
     * A nested struct an inlined method read from this round's value, used after the update (on a path only later
     * rounds take), while a variable holds the one of the round before.
     */
    @Bpf
    public static final class InlinedNestedAfterUpdate {
        static final ArrayMap<Outer> outers = new ArrayMap<>(Outer.class, 4);
        static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 1);

        @Section("xdp")
        static int run(XdpContext ctx) {
            long sum = 0;
            Inner prevIn = null;
            for (int i = 0; i < 3; i++) {
                Outer cur = outers.lookup(0);
                if (cur == null) return XdpContext.XDP_ABORTED;
                Inner in = innerOf(cur);
                Outer next = new Outer();
                next.in.x = in.x + 1;
                outers.update(0, next);
                if (prevIn != null) sum += in.x;
                prevIn = in;
            }
            out.update(0, sum);
            return XdpContext.XDP_PASS;
        }
    }

    /** A value chosen between two maps' lookups, one of which the update writes in place. */
    @Bpf
    public static final class ChosenBetweenMaps {
        static final ArrayMap<Long> cells = new ArrayMap<>(Long.class, 4);
        static final ArrayMap<Long> spare = new ArrayMap<>(Long.class, 4);
        static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 1);

        @Section("xdp")
        static int run(XdpContext ctx) {
            Long c = cells.lookup(0);
            if (c == null) return XdpContext.XDP_ABORTED;
            Long v = c > 50 ? cells.lookup(1) : spare.lookup(1);
            if (v == null) return XdpContext.XDP_ABORTED;
            cells.update(1, 7L);
            out.update(0, v);
            return XdpContext.XDP_PASS;
        }
    }
}
