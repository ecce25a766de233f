package org.jbpf.translator.bad;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.SkBuffContext;
import org.jbpf.net.Ethernet;
import org.jbpf.net.Net;

@Bpf(license = "GPL")
public final class SocketEthernet {
    static long arp;

    @Section("socket/sniffer")
    static int keepArp(SkBuffContext ctx) {
        Ethernet eth = ctx.load(0, Ethernet.class);
        if (eth == null) return 0;
        if (Net.ntohs(eth.etherType) == 0x0806) arp++;
        return ctx.length();
    }
}
