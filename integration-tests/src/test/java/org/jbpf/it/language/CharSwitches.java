package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Switches over chars with ranges of cases falling through, a default in the middle, and a switch expression on a char computed from numbers. */
@Bpf(license = "GPL")
public final class CharSwitches {
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

    static int classify(char c) {
        int kind = 0;
        switch (c) {
            case 'a': case 'e': case 'i': case 'o': case 'u':
                kind += 1;
            case 'y':
                kind += 2;
                break;
            default:
                kind += 10;
            case '0': case '9':
                kind += 100;
                break;
            case '\uffff':
                kind = -1;
        }
        return kind;
    }

    static long compute(long a, long b) {
        char c = (char) ('a' + (a & 31));
        char d = (char) b;
        long r = classify(c) * 1000L + classify(d) + classify((char) ('0' + (b & 15)));
        r += switch ((char) (a >> 3 & 0x7f)) {
            case 'A', 'B' -> 1;
            case 'z' -> 2;
            default -> (char) (a >> 3 & 0x7f) > 'm' ? 3 : 4;
        };
        return r;
    }
}
