package org.jbpf.it.net;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;
import org.jbpf.maps.XskMap;

/**
 * Hands every frame to the AF_XDP socket of its receive queue through an XskMap whose slots Java fills; a frame whose
 * queue has no socket goes on into the network stack (XDP_PASS). The verdict is counted by value.
 */
@Bpf(license = "GPL")
public final class XdpSocketSteer {
    public static final XskMap sockets = new XskMap(4);
    public static final ArrayMap<Long> verdicts = new ArrayMap<>(Long.class, 8);

    @Section("xdp/steer")
    static int steer(XdpContext ctx) {
        int verdict = sockets.redirect(ctx.rxQueueIndex(), XdpContext.XDP_PASS);
        verdicts.increment(verdict & 7);
        return verdict;
    }
}
