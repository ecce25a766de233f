package org.jbpf.translator.bad;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.SkBuffContext;
import org.jbpf.net.Udp;

@Bpf(license = "GPL")
public final class LoadUnchecked {
    @Section("socket")
    static int keep(SkBuffContext ctx) {
        Udp udp = ctx.load(20, Udp.class);
        return udp.length == 0 ? 0 : ctx.length();
    }
}
