package org.jbpf.it.newuser;

import org.jbpf.examples.kernel.NetifReceiveSkb;
import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Strings;
import org.jbpf.TracepointContext;
import org.jbpf.maps.ArrayMap;

/** Packets the loopback device receives (net/netif_receive_skb's typed record and its __data_loc device name) counted when their length is one the test sends. */
@Bpf(license = "GPL")
public final class ReceivedLengths {
    static final int IP_UDP_HEADERS = 28;
    /** Slot 0: packets of 777 payload bytes, slot 1: of 1111. */
    public static final ArrayMap<Long> seen = new ArrayMap<>(Long.class, 2);

    @Section("tracepoint/net/netif_receive_skb")
    static int onReceive(TracepointContext ctx) {
        NetifReceiveSkb skb = ctx.as(NetifReceiveSkb.class);
        byte[] device = new byte[16];
        ctx.readDataLoc(device, skb.name);
        if (!Strings.equals(device, "lo")) return 0;
        int payload = skb.len - IP_UDP_HEADERS;
        int slot = payload == 777 ? 0 : payload == 1111 ? 1 : -1;
        if (slot >= 0) seen.increment(slot);
        return 0;
    }
}
