package org.jbpf.it.newuser;

import static org.jbpf.Helpers.printk;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** printk with one to three arguments and a concatenation; the helper returns the bytes it wrote, kept in a map. */
@Bpf(license = "GPL")
public final class PrintkValues {
    public static final ArrayMap<Long> in = new ArrayMap<>(Long.class, 2);
    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 4);

    @Section("xdp")
    static int run(XdpContext ctx) {
        Long a = in.lookup(0);
        Long b = in.lookup(1);
        if (a == null || b == null) return XdpContext.XDP_ABORTED;
        out.update(0, (long) printk("nu-printk %d\n", a));
        out.update(1, (long) printk("nu-printk %d %d\n", a, b));
        out.update(2, (long) printk("nu-printk %d %d %d\n", a, b, a + b));
        long sum = a * 2;
        out.update(3, (long) printk("nu-printk sum=" + sum + " b=" + b));
        return XdpContext.XDP_PASS;
    }
}
