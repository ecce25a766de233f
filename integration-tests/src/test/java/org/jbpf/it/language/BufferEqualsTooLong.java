package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Size;
import org.jbpf.Strings;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Strings.equals of two buffers longer than the bytes it compares in place. */
@Bpf(license = "GPL")
public final class BufferEqualsTooLong {
    public static final ArrayMap<Paths> paths = new ArrayMap<>(Paths.class, 1);
    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 1);

    @Struct
    public static final class Paths {
        @Size(300) public byte[] a = new byte[300];
        @Size(400) public byte[] b = new byte[400];
    }

    @Section("xdp")
    static int run(XdpContext ctx) {
        Paths p = paths.lookup(0);
        if (p == null) return XdpContext.XDP_ABORTED;
        if (Strings.equals(p.a, p.b)) out.update(0, 1L);
        return XdpContext.XDP_PASS;
    }
}
