package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Helpers;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** A String constant's equals given a comm buffer: false in Java whatever the bytes, so refused with Strings.equals as the way. */
@Bpf(license = "GPL")
public final class StringEqualsBytes {
    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 1);

    @Section("xdp")
    static int run(XdpContext ctx) {
        byte[] comm = new byte[16];
        Helpers.comm(comm);
        if ("bash".equals(comm)) out.update(0, 1L);
        return XdpContext.XDP_PASS;
    }
}
