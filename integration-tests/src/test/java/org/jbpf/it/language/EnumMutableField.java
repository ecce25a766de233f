package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** An enum with a field that is not final: its value is not known when the probe is translated. */
@Bpf(license = "GPL")
public final class EnumMutableField {
    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 1);

    enum Mode {
        FAST, SLOW;

        int uses;
    }

    @Section("xdp")
    static int run(XdpContext ctx) {
        Mode m = ctx.length() > 100 ? Mode.SLOW : Mode.FAST;
        out.update(0, (long) m.uses);
        return XdpContext.XDP_PASS;
    }
}
