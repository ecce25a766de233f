package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** char arithmetic: letters and digits of a number written out, case folding and char compares. */
@Bpf(license = "GPL")
public final class CharMath {
    public static final ArrayMap<Long> in = new ArrayMap<>(Long.class, 2);
    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 1);

    @Section("xdp")
    static int run(XdpContext ctx) {
        Long a = in.lookup(0);
        Long b = in.lookup(1);
        if (a == null || b == null) return XdpContext.XDP_ABORTED;
        out.update(0, compute(a, b));
        return XdpContext.XDP_PASS;
    }

    static long compute(long a, long b) {
        char c = (char) ('a' + (int) Long.remainderUnsigned(a, 26));
        char upper = (char) (c - 'a' + 'A');
        char d = (char) ('0' + (int) Long.remainderUnsigned(b, 10));
        int digit = d - '0';
        boolean vowel = c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
        char next = c;
        next++;
        return upper * 1000L + digit * 10 + (vowel ? 1 : 0) + next;
    }
}
