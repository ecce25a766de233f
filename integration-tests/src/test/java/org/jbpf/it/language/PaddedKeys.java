package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.NoInline;
import org.jbpf.Section;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;
import org.jbpf.maps.HashMap;

/**
 * @Struct map keys with padding between and after their fields, made by the program in several ways on a stack that
 * held other bytes before: a lookup finds the entry Java put under the same fields, and an entry the program puts is
 * found by Java under the same fields. Bit k of {@code out[0]} says lookup k found its entry.
 */
@Bpf(license = "GPL")
public final class PaddedKeys {
    public static final ArrayMap<Long> in = new ArrayMap<>(Long.class, 2);
    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 1);
    public static final HashMap<Tagged, Long> tagged = new HashMap<>(Tagged.class, Long.class, 64);
    public static final HashMap<Mixed, Long> mixed = new HashMap<>(Mixed.class, Long.class, 64);
    public static final HashMap<Tail, Long> tails = new HashMap<>(Tail.class, Long.class, 64);
    public static final HashMap<Outer, Long> outers = new HashMap<>(Outer.class, Long.class, 64);

    /** 1 byte, 3 of padding, then a Tail (its own 2 of padding at the end). */
    @Struct
    public static final class Outer {
        public byte tag;
        public Tail inner = new Tail(0, (short) 0);
    }

    /** 1 byte, 7 of padding, 8. */
    @Struct
    public record Tagged(byte tag, long id) {}

    /** 2 bytes, 2 of padding, 4, 1, 7 of padding, 8. */
    @Struct
    public static final class Mixed {
        public short s;
        public int i;
        public byte b;
        public long l;
    }

    /** 4 bytes, 2, then 2 of padding at the end. */
    @Struct
    public record Tail(int a, short b) {}

    @Section("xdp")
    static int run(XdpContext ctx) {
        Long a = in.lookup(0);
        Long b = in.lookup(1);
        if (a == null || b == null) return XdpContext.XDP_ABORTED;
        out.update(0, probe(a, b));
        return XdpContext.XDP_PASS;
    }

    static long probe(long a, long b) {
        long r = dirty(a);
        if (tagged.lookup(new Tagged((byte) a, b)) != null) r |= 1 << 8;
        Mixed m = new Mixed();
        m.s = (short) a;
        m.i = (int) b;
        m.b = (byte) (a >> 8);
        m.l = a ^ b;
        if (mixed.lookup(m) != null) r |= 1 << 9;
        Tail t = (a & 1) == 0 ? new Tail((int) a, (short) b) : new Tail((int) a, (short) b);
        if (tails.lookup(t) != null) r |= 1 << 10;
        Tagged[] keys = new Tagged[2];
        keys[(int) (a & 1)] = new Tagged((byte) b, a);
        if (tagged.lookup(keys[(int) (a & 1)]) != null) r |= 1 << 11;
        if (inFunction(a, b)) r |= 1 << 12;
        Outer o = new Outer();
        o.tag = (byte) b;
        o.inner = new Tail((int) (a >> 3), (short) (b >> 5));
        if (outers.lookup(o) != null) r |= 1 << 13;
        tails.update(new Tail((int) b, (short) a), 7L);
        mixed.update(m, 9L);
        return r;
    }

    /** A key made in a BPF function of its own, whose frame held the caller's other calls' bytes. */
    @NoInline
    static boolean inFunction(long a, long b) {
        long[] junk = new long[4];
        for (int k = 0; k < 4; k++) junk[k] = -1 - k - a;
        return tails.lookup(new Tail((int) (a + junk[(int) (b & 3)] - junk[(int) (b & 3)]), (short) b)) != null;
    }

    /** Fills stack bytes with ones before the keys are made; a count Java can check. */
    static long dirty(long a) {
        long[] junk = new long[8];
        for (int k = 0; k < 8; k++) junk[k] = ~(a + k) | 0x8080808080808080L;
        long n = 0;
        for (int k = 0; k < 8; k++) n += Long.bitCount(junk[k]);
        return n;
    }
}
