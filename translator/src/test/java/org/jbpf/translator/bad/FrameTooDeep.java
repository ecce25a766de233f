package org.jbpf.translator.bad;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Size;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/**
 * Locals that need more than the 512 bytes of stack, with a known store below -512 when a store through a pointer may
 * write the frame: the optimizer's frame bookkeeping once failed there with an internal error instead of the stack message.
 */
@Bpf(license = "GPL")
public final class FrameTooDeep {
    @Struct
    public static final class Big {
        @Size(32) public long[] w = new long[32];
    }

    public static final ArrayMap<Big> values = new ArrayMap<>(Big.class, 1);

    @Section("xdp")
    static int run(XdpContext ctx) {
        long[] a = new long[32]; // line 25
        long[] b = new long[32];
        Big s = new Big();
        a[1] = 2;
        b[2] = 3;
        s.w[0] = 1;
        Big v = values.lookup(0);
        if (v != null) v.w[1] = a[1];   // a store through a pointer may write any escaped byte
        values.update(0, s);
        return (int) (a[1] + b[2] + s.w[0]);
    }
}
