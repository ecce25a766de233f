package org.jbpf.it.language;

import org.jbpf.Strings;
import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** A switch over text written as if/else on Strings.equals and Strings.startsWith, the text built in a byte[]. */
@Bpf(license = "GPL")
public final class StringsSwitch {
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
        byte[] word = new byte[8];
        int pick = (int) Long.remainderUnsigned(a, 5);
        if (pick == 0) { word[0] = 'b'; word[1] = 'a'; word[2] = 's'; word[3] = 'h'; }
        else if (pick == 1) { word[0] = 's'; word[1] = 'h'; }
        else if (pick == 2) { word[0] = 'b'; word[1] = 'a'; }
        else if (pick == 3) { word[0] = 'j'; word[1] = 'a'; word[2] = 'v'; word[3] = 'a'; word[4] = 'c'; }
        long r;
        if (Strings.equals(word, "bash")) r = 1;
        else if (Strings.equals(word, "sh")) r = 2;
        else if (Strings.startsWith(word, "java")) r = 3;
        else if (Strings.startsWith(word, "ba")) r = 4;
        else r = 5;
        return r * 100 + (b & 7);
    }
}
