package org.jbpf.it.net;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.SkBuffContext;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/**
 * XDP metadata handed to tc: the xdp program makes an 8-byte metadata area in front of each frame and writes a tag and
 * the frame's length there; the tc program on the same interface reads it back. Slot 0 counts packets without the
 * area, slot 1 those with the tag, slots 2 and 3 hold the last tagged length and the length tc saw.
 */
@Bpf(license = "GPL")
public final class MetaMark {
    /** What the xdp program leaves for tc. */
    @Struct
    public static final class Mark {
        public int tag;
        public int length;
    }

    static final int TAG = 0x6a627066;

    public static final ArrayMap<Long> seen = new ArrayMap<>(Long.class, 4);

    @Section("xdp/mark")
    static int mark(XdpContext ctx) {
        int length = ctx.length();
        if (ctx.adjustMeta(-8) != 0) return XdpContext.XDP_PASS;
        Mark mark = ctx.meta(Mark.class);
        if (mark == null) return XdpContext.XDP_ABORTED;
        mark.tag = TAG;
        mark.length = length;
        return XdpContext.XDP_PASS;
    }

    @Section("tc/ingress")
    static int read(SkBuffContext ctx) {
        Mark mark = ctx.meta(Mark.class);
        if (mark == null) {
            seen.increment(0);
            return SkBuffContext.TC_ACT_OK;
        }
        if (mark.tag == TAG) {
            seen.increment(1);
            seen.update(2, (long) mark.length);
            seen.update(3, (long) ctx.length());
        }
        return SkBuffContext.TC_ACT_OK;
    }
}
