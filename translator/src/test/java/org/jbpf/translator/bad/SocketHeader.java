package org.jbpf.translator.bad;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.SkBuffContext;
import org.jbpf.net.Ipv4;

@Bpf(license = "GPL")
public final class SocketHeader {
    @Section("socket")
    static int keep(SkBuffContext ctx) {
        Ipv4 ip = ctx.header(0, Ipv4.class);
        return ip != null && ip.ttl == 1 ? 0 : ctx.length();
    }
}
