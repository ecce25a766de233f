package org.jbpf.it.net;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;

/** Writes a metadata view made before a second adjustMeta, after which the kernel has forgotten it. */
@Bpf(license = "GPL")
public final class StaleMeta {
    @Section("xdp/stale")
    static int stale(XdpContext ctx) {
        if (ctx.adjustMeta(-4) != 0) return XdpContext.XDP_PASS;
        MetaMark.Mark mark = ctx.meta(MetaMark.Mark.class);
        if (mark == null) return XdpContext.XDP_PASS;
        ctx.adjustMeta(-4);
        mark.tag = 1;
        return XdpContext.XDP_PASS;
    }
}
