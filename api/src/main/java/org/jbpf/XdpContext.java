package org.jbpf;

/**
 * Context of an {@code xdp} program. Return one of the {@code XDP_*} actions. The packet is read through
 * {@link #header}: a header that does not fit in the packet reads as null, so a program cannot read past its end.
 */
public final class XdpContext {
    private XdpContext() {}

    public static final int XDP_ABORTED = 0, XDP_DROP = 1, XDP_PASS = 2, XDP_TX = 3, XDP_REDIRECT = 4;

    /**
     * The header of type {@code type} (a {@code @Struct}, e.g. {@link org.jbpf.net.Ipv4}) starting {@code offset} bytes
     * into the packet, or null when the packet is shorter than {@code offset} plus the header's size (or the offset is
     * negative, or offset plus size is above 65535). The header is a view of the packet itself: its fields are in network byte order, read
     * them through {@link org.jbpf.net.Net#ntohs} and {@link org.jbpf.net.Net#ntohl}.
     */
    public <T> T header(int offset, Class<T> type) { throw InKernelOnly.call("XdpContext.header"); }

    /**
     * A copy of the header of type {@code type} (a {@code @Struct}) starting {@code offset} bytes into the packet
     * ({@code bpf_xdp_load_bytes}), or null when the packet is shorter (or the offset is negative or above 65535). The
     * copy lives on the program's stack: writing its fields does not change the packet, and it stays valid after
     * {@link #adjustHead}/{@link #adjustTail}. Use it where an offset is computed and a view's bound test is a bother,
     * or to read the fragments of a multi-buffer frame, which {@link #header} cannot see.
     */
    public <T> T load(int offset, Class<T> type) { throw InKernelOnly.call("XdpContext.load"); }

    /**
     * Moves the packet's start by {@code delta} bytes ({@code bpf_xdp_adjust_head}): negative grows the packet at the
     * front (room for a new header), positive cuts bytes off it. Returns 0 or a negative errno. Headers read before
     * must be read again.
     */
    public int adjustHead(int delta) { throw InKernelOnly.call("XdpContext.adjustHead"); }

    /**
     * Moves the packet's end by {@code delta} bytes ({@code bpf_xdp_adjust_tail}): negative trims, positive grows.
     * Returns 0 or a negative errno. Headers read before must be read again.
     */
    public int adjustTail(int delta) { throw InKernelOnly.call("XdpContext.adjustTail"); }

    /**
     * Sends the packet out of the interface with index {@code ifindex} ({@code bpf_redirect}); return the result from
     * the program: {@code XDP_REDIRECT}, or {@code XDP_ABORTED} when the flags are invalid. Flags must be 0.
     */
    public int redirect(int ifindex, int flags) { throw InKernelOnly.call("XdpContext.redirect"); }

    /**
     * Grows ({@code delta} negative) or shrinks the metadata area in front of the packet ({@code bpf_xdp_adjust_meta}):
     * room for a {@code @Struct} the program fills through {@link #meta} and a tc program on the same packet reads
     * with {@link SkBuffContext#meta}. {@code delta} must be a multiple of 4 and the area at most 32 bytes; returns 0
     * or a negative errno. Headers read before must be read again.
     */
    public int adjustMeta(int delta) { throw InKernelOnly.call("XdpContext.adjustMeta"); }

    /**
     * The metadata area as a {@code @Struct} of type {@code type} (a view: writes go into the area), or null when the
     * area is shorter than the struct; {@link #adjustMeta} makes it. The kernel checks {@code data_meta + size <= data}
     * as it checks headers against the packet's end.
     */
    public <T> T meta(Class<T> type) { throw InKernelOnly.call("XdpContext.meta"); }

    /**
     * Looks the route of {@code params} up in the kernel's forwarding tables ({@code bpf_fib_lookup}) with
     * {@code flags} from {@link org.jbpf.net.FibLookup} (0 for the usual lookup with the ingress interface's rules);
     * returns one of {@code FibLookup.RET_*}, and on success {@code params} holds the interface and MAC addresses of
     * the next hop.
     */
    public int fibLookup(org.jbpf.net.FibLookup params, int flags) { throw InKernelOnly.call("XdpContext.fibLookup"); }

    /** Packet length in bytes ({@code data_end - data}). */
    public int length() { throw InKernelOnly.call("XdpContext.length"); }

    /** Index of the interface the packet arrived on. */
    public int ingressIfindex() { throw InKernelOnly.call("XdpContext.ingressIfindex"); }

    /** Receive queue index. */
    public int rxQueueIndex() { throw InKernelOnly.call("XdpContext.rxQueueIndex"); }
}
