package org.jbpf.it.net;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.SkBuffContext;
import org.jbpf.Struct;
import org.jbpf.maps.ArrayMap;
import org.jbpf.net.Ipv4;
import org.jbpf.net.Net;
import org.jbpf.net.Tcp;

/**
 * Reads eight bytes 1000 bytes into each TCP segment's payload at tc ingress, where a segment built by the sender's
 * stack keeps its payload in page fragments past the skb's linear head: {@code ctx.header} sees only that head, and
 * {@code ctx.load} (bpf_skb_load_bytes) reads the fragments. Slot 0 counts the segments long enough, slot 1 those whose
 * eight bytes are past the linear head (a null view), slot 2 those whose copy holds the bytes the test sent (all 0x5a).
 */
@Bpf(license = "GPL")
public final class PagedPayload {
    /** Eight payload bytes. */
    @Struct
    public static final class Chunk {
        public long bytes;
    }

    public static final ArrayMap<Long> segments = new ArrayMap<>(Long.class, 3);

    @Section("tc/ingress")
    static int inspect(SkBuffContext ctx) {
        if (ctx.protocol() != Net.htons(Net.ETH_P_IP)) return SkBuffContext.TC_ACT_OK;
        Ipv4 ip = ctx.load(14, Ipv4.class);
        if (ip == null || ip.protocol != Net.IPPROTO_TCP) return SkBuffContext.TC_ACT_OK;
        int l4 = 14 + (ip.versionIhl & 0x0f) * 4;
        Tcp tcp = ctx.load(l4, Tcp.class);
        if (tcp == null) return SkBuffContext.TC_ACT_OK;
        int deep = l4 + ((tcp.dataOffset & 0xff) >> 4) * 4 + 1000;
        if (ctx.length() < deep + 8) return SkBuffContext.TC_ACT_OK;
        segments.increment(0);
        if (ctx.header(deep, Chunk.class) == null) segments.increment(1);
        Chunk chunk = ctx.load(deep, Chunk.class);
        if (chunk != null && chunk.bytes == 0x5a5a5a5a5a5a5a5aL) segments.increment(2);
        return SkBuffContext.TC_ACT_OK;
    }
}
