package org.jbpf.it.language;

import static org.jbpf.Helpers.printk;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/**
 * Text as Java programmers write it into printk: a text block as the format, a static final String constant and a
 * percent sign in a concatenation, and chars and Characters, which Java's concatenation prints as characters. Each
 * call's return (the bytes written) is stored, and {@link #expected} is the same text made by Java.
 */
@Bpf(license = "GPL")
public final class PrintkText {
    public static final ArrayMap<Long> in = new ArrayMap<>(Long.class, 2);
    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 4);

    static final String TAG = "lp-text ";

    @Section("xdp")
    static int run(XdpContext ctx) {
        Long a = in.lookup(0);
        Long b = in.lookup(1);
        if (a == null || b == null) return XdpContext.XDP_ABORTED;
        char letter = (char) ('a' + (a & 7));
        Character boxed = (char) ('A' + (b & 15));
        out.update(0, (long) printk("""
                lp-text a=%d
                b=%d""", a, b));
        out.update(1, (long) printk(TAG + "load " + (a & 0x7f) + "% of " + b));
        out.update(2, (long) printk(TAG + "letter " + letter + boxed + '!'));
        out.update(3, (long) printk("lp-text\ttab " + (short) (long) b));
        return XdpContext.XDP_PASS;
    }

    /** The four messages as Java writes them. */
    static String[] expected(long a, long b) {
        char letter = (char) ('a' + (a & 7));
        Character boxed = (char) ('A' + (b & 15));
        return new String[] {"lp-text a=" + a + "\nb=" + b, TAG + "load " + (a & 0x7f) + "% of " + b, TAG + "letter " + letter + boxed + '!',
                "lp-text\ttab " + (short) b};
    }
}
