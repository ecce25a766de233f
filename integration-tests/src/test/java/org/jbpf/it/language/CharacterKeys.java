package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;
import org.jbpf.maps.HashMap;

/** Counts per character in a map keyed by Character, boxed and unboxed as Java does; the total in a Character value map. */
@Bpf(license = "GPL")
public final class CharacterKeys {
    public static final ArrayMap<Long> in = new ArrayMap<>(Long.class, 2);
    public static final HashMap<Character, Long> counts = new HashMap<>(Character.class, Long.class, 256);
    public static final HashMap<Integer, Character> last = new HashMap<>(Integer.class, Character.class, 4);

    @Section("xdp")
    static int run(XdpContext ctx) {
        Long a = in.lookup(0);
        if (a == null) return XdpContext.XDP_ABORTED;
        for (int k = 0; k < 4; k++) {
            char c = (char) ((a >>> (16 * k)) & 0x3f);
            c += 'A';
            Long n = counts.lookup(c);
            counts.update(c, n == null ? 1L : n + 1);
            Character before = last.lookup(k);
            if (before == null || before.charValue() < c) last.update(k, c);
        }
        Character first = last.lookup(0);
        return first != null && first.equals('A') ? XdpContext.XDP_DROP : XdpContext.XDP_PASS;
    }
}
