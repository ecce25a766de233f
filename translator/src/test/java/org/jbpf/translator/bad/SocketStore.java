package org.jbpf.translator.bad;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.SkBuffContext;
import org.jbpf.net.Ipv4;

@Bpf(license = "GPL")
public final class SocketStore {
    @Section("socket")
    static int keep(SkBuffContext ctx) {
        Ipv4 ip = ctx.load(0, Ipv4.class);
        if (ip == null) return 0;
        ip.ttl = 1;
        ctx.store(0, ip, 0);
        return ctx.length();
    }
}
