package org.jbpf.it.newuser;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Flags set, cleared and tested with compound assignments on a long. */
@Bpf(license = "GPL")
public final class BitFlags {
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

    static final long READ = 1, WRITE = 2, EXEC = 4, HIDDEN = 1L << 40;

    static long compute(long a, long b) {
        long flags = a;
        flags |= READ;
        if ((b & 1) != 0) flags &= ~WRITE;
        else flags |= WRITE;
        flags ^= EXEC;
        if ((flags & HIDDEN) == HIDDEN) flags <<= 1;
        flags >>>= (int) (b & 3);
        int small = (int) flags;
        small |= 0x100;
        small &= ~0xf;
        small >>= 2;
        return flags + small;
    }
}
