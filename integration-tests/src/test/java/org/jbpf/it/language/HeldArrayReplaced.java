package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Size;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** A struct's array read into a variable, then the field given a new array: Java's variable keeps the old numbers. */
@Bpf(license = "GPL")
public final class HeldArrayReplaced {
    public static final ArrayMap<Long> in = new ArrayMap<>(Long.class, 1);
    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 1);

    @Struct
    public static final class Window {
        @Size(4) public long[] samples = new long[4];
    }

    @Section("xdp")
    static int run(XdpContext ctx) {
        Long a = in.lookup(0);
        if (a == null) return XdpContext.XDP_ABORTED;
        Window w = new Window();
        w.samples[0] = a;
        long[] previous = w.samples;
        w.samples = new long[4];
        out.update(0, previous[0]);
        return XdpContext.XDP_PASS;
    }
}
