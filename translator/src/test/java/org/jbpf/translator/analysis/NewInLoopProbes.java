package org.jbpf.translator.analysis;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/**
 * Local objects made by new inside a loop, for {@link NewInLoopTest}: each new has one stack area, so an object an
 * earlier round made and a variable still holds shares its storage with the one made now. Line numbers matter: the
 * test checks the messages.
 */
final class NewInLoopProbes {
    private NewInLoopProbes() {}

    @Struct
    static final class Inner { long x; }

    @Struct
    static final class Pair {
        long a;
        long b;
        Inner in = new Inner();
    }

    @Struct
    static final class Link {
        long a;

        Link() {}

        Link(Link from) { a = from.a + 1; }
    }

    @Struct
    static final class Slot { long v; }

    @Bpf(license = "GPL")
    static final class PreviousRound {
        static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 1);

        @Section("xdp/previous")
        static int run(XdpContext ctx) {
            Pair prev = new Pair();
            prev.a = 50;
            for (int i = 0; i < 4; i++) {
                Pair cur = new Pair();
                cur.a = prev.a + 1;
                prev = cur;
            }
            out.update(0, prev.a);
            return XdpContext.XDP_PASS;
        }
    }

    @Bpf(license = "GPL")
    static final class InnerKept {
        static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 1);

        @Section("xdp/inner")
        static int run(XdpContext ctx) {
            Inner keep = new Pair().in;
            long sum = 0;
            for (int i = 0; i < 4; i++) {
                Pair cur = new Pair();
                sum += keep.x;
                cur.in.x = i;
                keep = cur.in;
            }
            out.update(0, sum);
            return XdpContext.XDP_PASS;
        }
    }

    @Bpf(license = "GPL")
    static final class ArrayKept {
        static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 1);

        @Section("xdp/array")
        static int run(XdpContext ctx) {
            long[] prev = new long[2];
            for (int i = 0; i < 4; i++) {
                long[] cur = new long[2];
                cur[0] = prev[0] + i;
                prev = cur;
            }
            out.update(0, prev[0]);
            return XdpContext.XDP_PASS;
        }
    }

    @Bpf(license = "GPL")
    static final class SlotKept {
        static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 1);

        @Section("xdp/slot")
        static int run(XdpContext ctx) {
            Slot keep = new Slot();
            long sum = 0;
            for (int i = 0; i < 3; i++) {
                Slot[] slots = new Slot[2];
                sum += keep.v;
                slots[1].v = i + 1;
                keep = slots[1];
            }
            out.update(0, sum);
            return XdpContext.XDP_PASS;
        }
    }

    @Bpf(license = "GPL")
    static final class ConstructorReadsPrevious {
        static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 1);

        @Section("xdp/constructor")
        static int run(XdpContext ctx) {
            Link prev = new Link();
            for (int i = 0; i < 3; i++) prev = new Link(prev);
            out.update(0, prev.a);
            return XdpContext.XDP_PASS;
        }
    }

    static Pair made(long a) {
        Pair p = new Pair();
        p.a = a;
        return p;
    }

    @Bpf(license = "GPL")
    static final class FactoryThenRead {
        static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 1);

        @Section("xdp/factory")
        static int run(XdpContext ctx) {
            Pair prev = made(7);
            for (int i = 0; i < 3; i++) {
                Pair cur = made(i);
                cur.b = prev.a;
                prev = cur;
            }
            out.update(0, prev.b);
            return XdpContext.XDP_PASS;
        }
    }

    /** The shapes below compute what Java computes: nothing read from an object after its new ran again. */
    @Bpf(license = "GPL")
    static final class MadeFilledSent {
        static final ArrayMap<Pair> pairs = new ArrayMap<>(Pair.class, 4);

        @Section("xdp/sent")
        static int run(XdpContext ctx) {
            for (int i = 0; i < 4; i++) {
                Pair p = new Pair();
                p.a = i;
                p.in.x = i * 2;
                pairs.update(i, p);
            }
            return XdpContext.XDP_PASS;
        }
    }

    @Bpf(license = "GPL")
    static final class CopiedFirst {
        static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 1);

        @Section("xdp/copied")
        static int run(XdpContext ctx) {
            Pair prev = new Pair();
            prev.a = 50;
            for (int i = 0; i < 4; i++) {
                long before = prev.a;
                Pair cur = new Pair();
                cur.a = before + 1;
                prev = cur;
            }
            out.update(0, prev.a);
            return XdpContext.XDP_PASS;
        }
    }

    @Bpf(license = "GPL")
    static final class ArgumentsFirst {
        static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 1);

        @Section("xdp/arguments")
        static int run(XdpContext ctx) {
            Pair prev = made(5);
            for (int i = 0; i < 3; i++) prev = made(prev.a * 2 + i);
            out.update(0, prev.a);
            return XdpContext.XDP_PASS;
        }
    }

    static Pair pick(Pair first, Pair second, boolean takeFirst) {
        if (takeFirst) return first;
        return second;
    }

    @Bpf(license = "GPL")
    static final class PickedAfterNew {
        static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 1);

        @Section("xdp/picked")
        static int run(XdpContext ctx) {
            Pair prev = new Pair();
            prev.a = 3;
            long sum = 0;
            for (int i = 0; i < 3; i++) {
                Pair cur = new Pair();
                cur.a = i + 10;
                Pair p = pick(prev, cur, i > 0);
                sum += p.a;
                prev = cur;
            }
            out.update(0, sum);
            return XdpContext.XDP_PASS;
        }
    }

    @Bpf(license = "GPL")
    static final class PickedEachRound {
        static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 1);

        @Section("xdp/eachround")
        static int run(XdpContext ctx) {
            Pair keep = new Pair();
            keep.a = 3;
            long sum = 0;
            for (int i = 0; i < 3; i++) {
                Pair cur = new Pair();
                cur.a = i + 10;
                sum += pick(keep, cur, (i & 1) == 0).a;
            }
            out.update(0, sum);
            return XdpContext.XDP_PASS;
        }
    }
}
