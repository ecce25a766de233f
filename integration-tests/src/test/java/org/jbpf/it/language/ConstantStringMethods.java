package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Methods of String constants (length, charAt, equals, hashCode, startsWith, indexOf, isEmpty) and a switch over a static final String: Java's answers, known at translation. */
@Bpf(license = "GPL")
public final class ConstantStringMethods {
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

    static final String TAG = "jbpf-tag";
    static final String MODE = "fast";

    static long modeWeight() {
        switch (MODE) {
            case "slow": return 1;
            case "fast": return 7;
            default: return 3;
        }
    }

    static long compute(long a, long b) {
        long r = TAG.length() + a;
        r = r * 3 + TAG.charAt(4) + "abc".charAt(2);
        r = r * 5 + (TAG.equals("jbpf-tag") ? 1 : 0) + (MODE.equals(TAG) ? 10 : 0);
        r = r * 7 + TAG.hashCode() + "".hashCode();
        r = r * 11 + (TAG.startsWith("jbpf") ? 1 : 0) + (TAG.endsWith("x") ? 2 : 0) + TAG.indexOf('-') + TAG.indexOf("tag") * 3;
        r = r * 13 + ("".isEmpty() ? 1 : 0) + MODE.compareTo("fas") + (TAG.contains("f-t") ? 5 : 0);
        return r * 17 + modeWeight() + b;
    }
}
