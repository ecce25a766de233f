package org.jbpf.it.net;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.net.Ethernet;

/**
 * A stale header read whose local slot javac gave to a loop's counter before: the refusal must name the header's
 * variable, not the counter's (it named the counter; found by the random packet probes, seed 301 program 127).
 */
@Bpf(license = "GPL")
public final class StaleHeaderAfterLoop {
    @Section("xdp/stale")
    static int stale(XdpContext ctx) {
        int sum = 0;
        for (int t = 0; t < 2; t++) sum += t;
        Ethernet eth = ctx.header(0, Ethernet.class);
        if (eth == null) return sum;
        ctx.adjustHead(0);
        return eth.etherType;
    }
}
