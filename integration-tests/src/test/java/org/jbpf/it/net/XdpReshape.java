package org.jbpf.it.net;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;
import org.jbpf.maps.DevMap;
import org.jbpf.net.Ethernet;
import org.jbpf.net.Net;

/**
 * xdp programs that change the packet's shape or send it elsewhere: strip the Ethernet header, push a 4-byte tag in
 * front, trim 4 bytes off the end, redirect through a {@link DevMap} slot or to an interface index from a map.
 */
@Bpf(license = "GPL")
public final class XdpReshape {
    public static final int TAG = 0x6a627066;

    public static final DevMap devices = new DevMap(4);
    /** Slot 0: the interface index {@code redirectIndex} sends packets to. */
    public static final ArrayMap<Integer> target = new ArrayMap<>(Integer.class, 1);

    @Section("xdp/strip")
    static int strip(XdpContext ctx) {
        return ctx.adjustHead(Ethernet.SIZE) == 0 ? XdpContext.XDP_PASS : XdpContext.XDP_ABORTED;
    }

    @Section("xdp/push")
    static int push(XdpContext ctx) {
        if (ctx.adjustHead(-4) != 0) return XdpContext.XDP_ABORTED;
        UdpSocketFilter.Tag tag = ctx.header(0, UdpSocketFilter.Tag.class);
        if (tag == null) return XdpContext.XDP_ABORTED;
        tag.value = Net.htonl(TAG);
        return XdpContext.XDP_PASS;
    }

    @Section("xdp/trim")
    static int trim(XdpContext ctx) {
        return ctx.adjustTail(-4) == 0 ? XdpContext.XDP_PASS : XdpContext.XDP_ABORTED;
    }

    /** Lets everything through; on a veth's peer it makes the veth take frames other xdp programs redirect to it. */
    @Section("xdp/pass")
    static int pass(XdpContext ctx) { return XdpContext.XDP_PASS; }

    @Section("xdp/redirect_slot")
    static int redirectSlot(XdpContext ctx) {
        return devices.redirect(0, XdpContext.XDP_PASS);
    }

    @Section("xdp/redirect_index")
    static int redirectIndex(XdpContext ctx) {
        Integer ifindex = target.lookup(0);
        if (ifindex == null || ifindex == 0) return XdpContext.XDP_ABORTED;
        return ctx.redirect(ifindex, 0);
    }
}
