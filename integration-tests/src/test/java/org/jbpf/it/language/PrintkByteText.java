package org.jbpf.it.language;

import static org.jbpf.Helpers.printk;

import java.nio.charset.StandardCharsets;
import org.jbpf.Bpf;
import org.jbpf.Helpers;
import org.jbpf.Section;
import org.jbpf.Size;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/**
 * printk's %s given byte[] texts: a local array filled from two numbers (a NUL among its bytes or none), the task's
 * comm, a map value's @Size byte[] field, and text between numbers. Each line carries the run's tag, so a test finds
 * it among other programs' lines in the trace buffer.
 */
@Bpf(license = "GPL")
public final class PrintkByteText {
    public static final ArrayMap<Long> in = new ArrayMap<>(Long.class, 3);
    public static final ArrayMap<Label> labels = new ArrayMap<>(Label.class, 1);

    @Struct
    public static final class Label {
        @Size(12) public byte[] name = new byte[12];
    }

    @Section("xdp")
    static int run(XdpContext ctx) {
        Long tag = in.lookup(0);
        Long a = in.lookup(1);
        Long b = in.lookup(2);
        Label label = labels.lookup(0);
        if (tag == null || a == null || b == null || label == null) return XdpContext.XDP_ABORTED;
        byte[] text = new byte[16];
        for (int k = 0; k < 8; k++) {
            text[k] = (byte) (a >>> (8 * k));
            text[k + 8] = (byte) (b >>> (8 * k));
        }
        printk("jbpf-text %d [%s]", tag, text);
        byte[] comm = new byte[16];
        Helpers.comm(comm);
        printk("jbpf-comm [%s] %d", comm, tag);
        printk("jbpf-two %d %s|%s", tag, label.name, text);
        return XdpContext.XDP_PASS;
    }

    /** Java's meaning of a %s given {@code bytes}: its bytes up to the first NUL, all of them when it has none. */
    static String text(byte[] bytes) {
        int n = 0;
        while (n < bytes.length && bytes[n] != 0) n++;
        return new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
    }

    /** The local text run fills from a and b. */
    static byte[] local(long a, long b) {
        byte[] text = new byte[16];
        for (int k = 0; k < 8; k++) {
            text[k] = (byte) (a >>> (8 * k));
            text[k + 8] = (byte) (b >>> (8 * k));
        }
        return text;
    }
}
