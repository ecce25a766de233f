package org.jbpf;

/** Context of an {@code xdp} program. Return one of the {@code XDP_*} actions. */
public final class XdpContext {
    private XdpContext() {}

    public static final int XDP_ABORTED = 0, XDP_DROP = 1, XDP_PASS = 2, XDP_TX = 3, XDP_REDIRECT = 4;

    /** Packet length in bytes ({@code data_end - data}). */
    public int length() { throw InKernelOnly.call("XdpContext.length"); }

    /** Index of the interface the packet arrived on. */
    public int ingressIfindex() { throw InKernelOnly.call("XdpContext.ingressIfindex"); }

    /** Receive queue index. */
    public int rxQueueIndex() { throw InKernelOnly.call("XdpContext.rxQueueIndex"); }
}
