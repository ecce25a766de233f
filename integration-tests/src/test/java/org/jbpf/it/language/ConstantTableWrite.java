package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Constant;
import org.jbpf.Section;
import org.jbpf.XdpContext;

/** A program that writes into a @Constant table, which is read-only once loaded. */
@Bpf(license = "GPL")
public final class ConstantTableWrite {
    @Constant static int[] weights = {1, 2, 3};

    @Section("xdp")
    static int run(XdpContext ctx) {
        weights[1] = ctx.length();
        return XdpContext.XDP_PASS;
    }
}
