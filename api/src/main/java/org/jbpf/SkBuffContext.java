package org.jbpf;

/**
 * Context of a {@code socket} filter or a {@code tc} (classifier) program ({@code struct __sk_buff}). A socket filter
 * returns the number of bytes to keep (0 drops); a tc program returns a {@code TC_ACT_*} action.
 */
public final class SkBuffContext {
    private SkBuffContext() {}

    /** tc actions: let the packet go on, drop it, or (tcx) defer to the next program. */
    public static final int TC_ACT_UNSPEC = -1, TC_ACT_OK = 0, TC_ACT_SHOT = 2, TC_ACT_REDIRECT = 7;

    /** {@link #redirect} flag: deliver the packet to the interface's ingress instead of sending it out. */
    public static final int BPF_F_INGRESS = 1;

    /** {@link #store} flags: recompute the skb's checksum (CHECKSUM_COMPLETE), forget its flow hash. */
    public static final int BPF_F_RECOMPUTE_CSUM = 1, BPF_F_INVALIDATE_HASH = 2;

    /**
     * {@link #l4CsumReplace} flags: the low four bits are the size of the changed field (2 or 4 bytes, or 0 with
     * {@code from} 0 and {@code to} a checksum difference); {@code BPF_F_PSEUDO_HDR} when the field is part of the
     * pseudo-header (an IP address); {@code BPF_F_MARK_MANGLED_0} for UDP, whose checksum 0 means "none".
     */
    public static final int BPF_F_PSEUDO_HDR = 0x10, BPF_F_MARK_MANGLED_0 = 0x20;

    /**
     * In a tc program: the header of type {@code type} starting {@code offset} bytes into the packet (at its Ethernet
     * header), or null when it does not fit in the packet's linear data; see {@link XdpContext#header}. Socket filters
     * cannot read the packet directly: the translator refuses this call there; use {@link #load}.
     */
    public <T> T header(int offset, Class<T> type) { throw InKernelOnly.call("SkBuffContext.header"); }

    /**
     * A copy of the header of type {@code type} (a {@code @Struct}) starting {@code offset} bytes into the packet
     * ({@code bpf_skb_load_bytes}), or null when the packet is shorter. The copy lives on the program's stack: writing
     * its fields does not change the packet (see {@link #store}). In socket filters offset 0 is the network header
     * (IPv4 or IPv6) whatever the socket's kind; in tc programs it is the Ethernet header.
     */
    public <T> T load(int offset, Class<T> type) { throw InKernelOnly.call("SkBuffContext.load"); }

    /**
     * tc only: writes {@code header} (a {@code @Struct}, e.g. a changed copy from {@link #load}) into the packet at
     * {@code offset} ({@code bpf_skb_store_bytes}); returns 0 or a negative errno. Checksums are not fixed: follow with
     * {@link #l3CsumReplace}/{@link #l4CsumReplace}. Headers read with {@link #header} before this must be read again.
     */
    public <T> int store(int offset, T header, int flags) { throw InKernelOnly.call("SkBuffContext.store"); }

    /**
     * tc only: fixes the IP header checksum at {@code offset} after a field of {@code size} bytes (2 or 4) changed
     * from {@code from} to {@code to}, both as stored in the packet ({@code bpf_l3_csum_replace}); 0 or a negative errno.
     */
    public int l3CsumReplace(int offset, long from, long to, int size) { throw InKernelOnly.call("SkBuffContext.l3CsumReplace"); }

    /**
     * tc only: fixes the TCP or UDP checksum at {@code offset} after a field changed from {@code from} to {@code to}
     * (as stored in the packet); {@code flags} is the field's size with {@code BPF_F_PSEUDO_HDR} and
     * {@code BPF_F_MARK_MANGLED_0} as needed ({@code bpf_l4_csum_replace}); 0 or a negative errno.
     */
    public int l4CsumReplace(int offset, long from, long to, int flags) { throw InKernelOnly.call("SkBuffContext.l4CsumReplace"); }

    /**
     * tc only: sends the packet out of the interface with index {@code ifindex} (or into it, with {@link #BPF_F_INGRESS})
     * ({@code bpf_redirect}). Return the result from the program: {@code TC_ACT_REDIRECT}, or {@code TC_ACT_SHOT} when
     * the flags are invalid.
     */
    public int redirect(int ifindex, int flags) { throw InKernelOnly.call("SkBuffContext.redirect"); }

    /**
     * tc only: the metadata area an xdp program left in front of the packet ({@link XdpContext#adjustMeta}) as a
     * {@code @Struct} of type {@code type}, or null when it is shorter than the struct (no xdp program wrote one, or a
     * smaller one). Only the packet's first program sees it: the stack drops it past tc ingress.
     */
    public <T> T meta(Class<T> type) { throw InKernelOnly.call("SkBuffContext.meta"); }

    /** tc only: {@link XdpContext#fibLookup} on this packet ({@code bpf_fib_lookup}). */
    public int fibLookup(org.jbpf.net.FibLookup params, int flags) { throw InKernelOnly.call("SkBuffContext.fibLookup"); }

    /**
     * tc only: sends the packet out of the interface with index {@code ifindex}, filling its Ethernet header from the
     * kernel's neighbour table for the packet's next hop ({@code bpf_redirect_neigh}); return the result from the
     * program: {@code TC_ACT_REDIRECT}, or {@code TC_ACT_SHOT} when the flags (which must be 0) are invalid.
     */
    public int redirectNeigh(int ifindex, int flags) { throw InKernelOnly.call("SkBuffContext.redirectNeigh"); }

    public int length() { throw InKernelOnly.call("SkBuffContext.length"); }
    public int protocol() { throw InKernelOnly.call("SkBuffContext.protocol"); }
    public int ifindex() { throw InKernelOnly.call("SkBuffContext.ifindex"); }
    public int mark() { throw InKernelOnly.call("SkBuffContext.mark"); }
}
