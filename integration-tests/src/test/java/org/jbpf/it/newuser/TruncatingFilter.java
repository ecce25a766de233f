package org.jbpf.it.newuser;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.SkBuffContext;
import org.jbpf.Struct;
import org.jbpf.maps.ArrayMap;
import org.jbpf.net.Ipv4;
import org.jbpf.net.Net;
import org.jbpf.net.Udp;

/**
 * A socket filter that keeps datagrams whose payload starts with 'J' whole, cuts those starting with 'T' to their
 * first four payload bytes, and drops the rest; it counts each outcome. Loads count from the network header, the
 * length a UDP socket keeps from the UDP header.
 */
@Bpf(license = "GPL")
public final class TruncatingFilter {
    @Struct
    public static final class First {
        public byte value;
    }

    /** Slots: 0 kept, 1 truncated, 2 dropped. */
    public static final ArrayMap<Long> outcomes = new ArrayMap<>(Long.class, 3);

    @Section("socket")
    static int filter(SkBuffContext ctx) {
        Ipv4 ip = ctx.load(0, Ipv4.class);
        if (ip == null || ip.protocol != Net.IPPROTO_UDP) return ctx.length();
        int payload = (ip.versionIhl & 0x0f) * 4 + Udp.SIZE;
        First first = ctx.load(payload, First.class);
        if (first != null && first.value == 'J') {
            outcomes.increment(0);
            return ctx.length();
        }
        if (first != null && first.value == 'T') {
            outcomes.increment(1);
            return Udp.SIZE + 4;   // a UDP socket trims from its transport header, where the datagram's data starts
        }
        outcomes.increment(2);
        return 0;
    }
}
