package org.jbpf.it.net;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/**
 * Headers at offsets computed from the packet's length: the last four bytes, and the four bytes 40 before the end,
 * which do not exist (a negative offset) in a packet shorter than 40, so that header reads as null.
 */
@Bpf(license = "GPL")
public final class ComputedOffsets {
    /** Slot 0: the last four bytes as read; slot 1: the four bytes 40 before the end, or -1 when there are none. */
    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 2);

    @Section("xdp/tail")
    static int tail(XdpContext ctx) {
        UdpSocketFilter.Tag last = ctx.header(ctx.length() - 4, UdpSocketFilter.Tag.class);
        if (last == null) return XdpContext.XDP_ABORTED;
        out.update(0, (long) last.value);
        UdpSocketFilter.Tag early = ctx.header(ctx.length() - 40, UdpSocketFilter.Tag.class);
        out.update(1, early != null ? (long) early.value : -1L);
        return XdpContext.XDP_PASS;
    }
}
