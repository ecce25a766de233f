package org.jbpf.it.newuser;

import static org.jbpf.Helpers.printk;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** printk with hex, unsigned and signed conversions of mixed-width values, widths, a character and a concatenation; each call's return (bytes written) is stored. */
@Bpf(license = "GPL")
public final class PrintkFormats {
    public static final ArrayMap<Long> in = new ArrayMap<>(Long.class, 2);
    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 5);

    @Section("xdp")
    static int run(XdpContext ctx) {
        Long a = in.lookup(0);
        Long b = in.lookup(1);
        if (a == null || b == null) return XdpContext.XDP_ABORTED;
        int small = (int) (long) a;
        short tiny = (short) (long) b;
        out.update(0, (long) printk("nu-fmt hex=%x HEX=%X", a, b));
        out.update(1, (long) printk("nu-fmt u=%u i=%i d=%d", small, tiny, a - b));
        out.update(2, (long) printk("nu-fmt %d%% of %d", a % 100, 100));
        out.update(3, (long) printk("nu-fmt small=" + small + " tiny=" + tiny));
        out.update(4, (long) printk("nu-fmt pad=%08x left=%-6d| c=%c", a & 0xffff, tiny, 'A' + (b & 15)));
        return XdpContext.XDP_PASS;
    }
}
