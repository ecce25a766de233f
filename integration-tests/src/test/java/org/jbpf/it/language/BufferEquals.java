package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Size;
import org.jbpf.Strings;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/**
 * Strings.equals of two byte buffers: fields of a map value of equal and of different lengths, a local copy, and a
 * buffer with itself. Bit k of {@code out[0]} is the k-th comparison's result.
 */
@Bpf(license = "GPL")
public final class BufferEquals {
    public static final ArrayMap<Texts> texts = new ArrayMap<>(Texts.class, 1);
    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 1);

    @Struct
    public static final class Texts {
        @Size(16) public byte[] a = new byte[16];
        @Size(16) public byte[] b = new byte[16];
        @Size(5) public byte[] c = new byte[5];
        @Size(1) public byte[] d = new byte[1];
    }

    @Section("xdp")
    static int run(XdpContext ctx) {
        Texts t = texts.lookup(0);
        if (t == null) return XdpContext.XDP_ABORTED;
        out.update(0, compare(t));
        return XdpContext.XDP_PASS;
    }

    static long compare(Texts t) {
        byte[] local = new byte[8];
        for (int k = 0; k < 8; k++) local[k] = t.b[k];
        long r = 0;
        if (Strings.equals(t.a, t.b)) r |= 1;
        if (Strings.equals(t.a, t.c)) r |= 2;
        if (Strings.equals(t.c, t.b)) r |= 4;
        if (Strings.equals(local, t.a)) r |= 8;
        if (Strings.equals(t.c, local)) r |= 16;
        if (Strings.equals(t.d, t.c)) r |= 32;
        if (Strings.equals(t.a, t.a)) r |= 64;
        return r;
    }
}
