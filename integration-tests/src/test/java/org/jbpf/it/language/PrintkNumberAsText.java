package org.jbpf.it.language;

import static org.jbpf.Helpers.pid;
import static org.jbpf.Helpers.printk;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;

/** A number given to printk's %s, which the kernel would read as the address of text. */
@Bpf(license = "GPL")
public final class PrintkNumberAsText {
    @Section("xdp")
    static int run(XdpContext ctx) {
        printk("comm %s", pid());
        return XdpContext.XDP_PASS;
    }
}
