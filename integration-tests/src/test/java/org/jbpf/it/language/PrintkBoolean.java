package org.jbpf.it.language;

import static org.jbpf.Helpers.printk;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** A boolean concatenated into a printk message, which Java prints as true or false. */
@Bpf(license = "GPL")
public final class PrintkBoolean {
    public static final ArrayMap<Long> in = new ArrayMap<>(Long.class, 2);

    @Section("xdp")
    static int run(XdpContext ctx) {
        Long a = in.lookup(0);
        if (a == null) return XdpContext.XDP_ABORTED;
        printk("positive " + (a > 0));
        return XdpContext.XDP_PASS;
    }
}
