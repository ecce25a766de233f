package org.jbpf.maps;

import org.jbpf.InKernelOnly;

/**
 * Interfaces an xdp program redirects packets to (BPF_MAP_TYPE_DEVMAP): slot number to interface index, filled from
 * Java ({@code bpf.map(devices).put(0, ifindex)}). In the program, {@link #redirect} sends the packet out of the
 * interface in a slot.
 */
public final class DevMap extends BpfMapDef<Integer, Integer> {
    public DevMap(int maxEntries) {
        super(BPFMapType.BPF_MAP_TYPE_DEVMAP, Integer.class, Integer.class, maxEntries);
    }

    /**
     * Redirects the packet to the interface in slot {@code slot} ({@code bpf_redirect_map}); return the result from
     * the xdp program. It is {@code XDP_REDIRECT} when the slot holds an interface, else the action in the low bits
     * of {@code flags} (e.g. {@code XdpContext.XDP_PASS}).
     */
    public int redirect(int slot, int flags) { throw InKernelOnly.call("DevMap.redirect"); }
}
