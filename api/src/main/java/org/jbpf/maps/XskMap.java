package org.jbpf.maps;

import org.jbpf.InKernelOnly;

/**
 * AF_XDP sockets an xdp program hands frames to (BPF_MAP_TYPE_XSKMAP): the slot number is a receive queue of the
 * interface, its value the descriptor of an AF_XDP socket bound to that interface and queue, put from Java by the
 * application that opened it ({@code bpf.map(sockets).put(queue, fd)}; the kernel refuses any other kind of
 * descriptor). In the program, {@link #redirect} sends the frame to the socket of a slot, usually
 * {@code sockets.redirect(ctx.rxQueueIndex(), XdpContext.XDP_PASS)}.
 */
public final class XskMap extends BpfMapDef<Integer, Integer> {
    public XskMap(int maxEntries) {
        super(BPFMapType.BPF_MAP_TYPE_XSKMAP, Integer.class, Integer.class, maxEntries);
    }

    /**
     * Redirects the frame to the AF_XDP socket of slot {@code queue} ({@code bpf_redirect_map}); return the result
     * from the xdp program. It is {@code XDP_REDIRECT} when the slot holds a socket, else the action in the low bits of
     * {@code flags} (e.g. {@code XdpContext.XDP_PASS}, so that the frame goes on into the network stack).
     */
    public int redirect(int queue, int flags) { throw InKernelOnly.call("XskMap.redirect"); }
}
