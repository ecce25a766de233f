package org.jbpf.it.net;

import static org.jbpf.it.net.PacketParse.*;

import java.util.Arrays;
import org.jbpf.net.Net;

/** The parse of {@link PacketParse}, written independently in plain Java over a byte array: the reference it is tested against. */
final class JavaParse {
    /** Slots no header wrote. */
    static final long UNSET = 0x5a5a5a5aL;

    private JavaParse() {}

    static long[] parse(byte[] p) {
        long[] out = new long[SLOTS];
        Arrays.fill(out, UNSET);
        out[LENGTH] = p.length;
        if (p.length < 14) { out[ETHER_TYPE] = TRUNCATED; return out; }
        int type = u16(p, 12);
        int offset = 14;
        if (type == Net.ETH_P_8021Q) {
            if (p.length < offset + 4) { out[VLAN_ID] = TRUNCATED; return out; }
            out[VLAN_ID] = u16(p, offset) & 0x0fff;
            type = u16(p, offset + 2);
            offset += 4;
        }
        out[ETHER_TYPE] = type;
        int protocol, l4;
        if (type == Net.ETH_P_IP) {
            if (p.length < offset + 20) { out[PROTOCOL] = TRUNCATED; return out; }
            protocol = p[offset + 9] & 0xff;
            out[SOURCE] = u32(p, offset + 12);
            out[DESTINATION] = u32(p, offset + 16);
            l4 = offset + (p[offset] & 0x0f) * 4;
        } else if (type == Net.ETH_P_IPV6) {
            if (p.length < offset + 40) { out[PROTOCOL] = TRUNCATED; return out; }
            protocol = p[offset + 6] & 0xff;
            out[SOURCE] = p[offset + 8 + 15] & 0xff;
            out[DESTINATION] = p[offset + 24] & 0xff;
            l4 = offset + 40;
        } else {
            return out;
        }
        out[PROTOCOL] = protocol;
        if (protocol == 17) {
            if (p.length < l4 + 8) { out[SOURCE_PORT] = TRUNCATED; return out; }
            out[SOURCE_PORT] = u16(p, l4);
            out[DESTINATION_PORT] = u16(p, l4 + 2);
        } else if (protocol == 6) {
            if (p.length < l4 + 20) { out[SOURCE_PORT] = TRUNCATED; return out; }
            out[SOURCE_PORT] = u16(p, l4);
            out[DESTINATION_PORT] = u16(p, l4 + 2);
            out[L4_DETAIL] = u32(p, l4 + 4) ^ (p[l4 + 13] & 0xff);
        } else if (protocol == 1 || protocol == 58) {
            if (p.length < l4 + 8) { out[L4_DETAIL] = TRUNCATED; return out; }
            out[L4_DETAIL] = (p[l4] & 0xff) << 8 | p[l4 + 1] & 0xff;
        }
        return out;
    }

    private static int u16(byte[] p, int at) { return (p[at] & 0xff) << 8 | p[at + 1] & 0xff; }

    /** As the probe stores it: an int, sign-extended into the long slot. */
    private static long u32(byte[] p, int at) { return u16(p, at) << 16 | u16(p, at + 2); }
}
