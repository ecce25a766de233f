package org.jbpf.it.newuser;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** An FNV-1a hash over the bytes of a local array, overflowing as Java does. */
@Bpf(license = "GPL")
public final class Hashing {
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

    static final long FNV_OFFSET = 0xcbf29ce484222325L;
    static final long FNV_PRIME = 0x100000001b3L;

    static long compute(long a, long b) {
        byte[] bytes = new byte[16];
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (a >>> (8 * i));
            bytes[i + 8] = (byte) (b >>> (8 * i));
        }
        long h = FNV_OFFSET;
        for (byte x : bytes) {
            h ^= x & 0xff;
            h *= FNV_PRIME;
        }
        int h32 = 0;
        for (int i = 0; i < bytes.length; i++) h32 = 31 * h32 + bytes[i];
        return h ^ h32;
    }
}
