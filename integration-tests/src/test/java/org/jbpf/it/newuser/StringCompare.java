package org.jbpf.it.newuser;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

import org.jbpf.Strings;
/** Strings.equals and startsWith on a local byte buffer, filled from the input. */
@Bpf(license = "GPL")
public final class StringCompare {
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

    static final String TOOL = "jbpf";

    static long compute(long a, long b) {
        byte[] name = new byte[16];
        for (int i = 0; i < 8; i++) {
            name[i] = (byte) (a >>> (8 * i));
            name[i + 8] = (byte) (b >>> (8 * i));
        }
        long r = 0;
        if (Strings.equals(name, TOOL)) r |= 1;
        if (Strings.startsWith(name, "jb")) r |= 2;
        if (Strings.equals(name, "")) r |= 4;
        if (Strings.startsWith(name, "jbpf-long-prefix")) r |= 8;
        if (name[0] == (byte) 106) r |= 16;
        return r;
    }
}
