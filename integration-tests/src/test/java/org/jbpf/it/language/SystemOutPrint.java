package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Debug output written the way Java programs write it: System.out does not exist in a program, printk does. */
@Bpf(license = "GPL")
public final class SystemOutPrint {
    public static final ArrayMap<Long> in = new ArrayMap<>(Long.class, 1);

    @Section("xdp")
    static int run(XdpContext ctx) {
        Long a = in.lookup(0);
        if (a == null) return XdpContext.XDP_ABORTED;
        System.out.println("a = " + a);
        return XdpContext.XDP_PASS;
    }
}
