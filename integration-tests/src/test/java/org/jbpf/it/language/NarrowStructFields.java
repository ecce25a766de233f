package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.NoInline;
import org.jbpf.Section;
import org.jbpf.Size;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** A struct of byte, short, char, boolean and int fields set from wide inputs, changed by compound assignments that wrap, and read back with Java's sign and zero extension. */
@Bpf(license = "GPL")
public final class NarrowStructFields {
    public static final ArrayMap<Long> in = new ArrayMap<>(Long.class, 2);
    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 1);

    @Section("xdp")
    static int run(XdpContext ctx) {
        Long a = in.lookup(0);
        Long b = in.lookup(1);
        if (a == null || b == null) return XdpContext.XDP_ABORTED;
        out.update(0, compute(a, b));
        return XdpContext.XDP_PASS;
    }

    @Struct
    public static final class Mixed {
        public byte b;
        public short s;
        public char c;
        public boolean flag;
        public int i;
        public long l;
    }

    static long compute(long a, long b) {
        Mixed m = new Mixed();
        m.b = (byte) a;
        m.s = (short) b;
        m.c = (char) (a >> 3);
        m.flag = a > b;
        m.i = (int) (a ^ b);
        m.l = m.b * m.s + m.c;
        m.b *= 3;
        m.s >>= 1;
        m.c += 70000;
        m.flag ^= (b & 1) != 0;
        m.i <<= m.b;
        m.b++;
        m.s--;
        m.c -= m.b;
        return m.b * 7L + m.s * 11L + m.c * 13L + (m.flag ? 17 : 0) + m.i + m.l * 19;
    }
}
