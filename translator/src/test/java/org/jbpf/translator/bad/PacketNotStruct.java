package org.jbpf.translator.bad;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;

@Bpf(license = "GPL")
public final class PacketNotStruct {
    @Section("xdp")
    static int reads(XdpContext ctx) {
        Integer first = ctx.header(0, Integer.class);
        return first == null ? XdpContext.XDP_PASS : XdpContext.XDP_DROP;
    }
}
