package org.jbpf.translator.bad;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.SkBuffContext;
import org.jbpf.net.Ipv4;

@Bpf(license = "GPL")
public final class StaleHeaderRead {
    @Section("tc/egress")
    static int stale(SkBuffContext ctx) {
        Ipv4 ip = ctx.header(14, Ipv4.class);
        if (ip == null) return 0;
        ctx.l3CsumReplace(24, 0, 0, 2);
        return ip.ttl;
    }
}
